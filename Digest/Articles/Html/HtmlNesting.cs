using System.Text;

namespace Digest.Articles.Html;

/// <summary>
/// Bounds how deeply a page's elements nest before the HTML parser sees it. The parser checks its stack of open
/// elements on every tag, so a page of 100,000 nested <c>&lt;div&gt;</c>s costs it minutes; and the walks over the
/// element tree are recursive. One linear scan over the tags keeps an approximate stack of open elements and leaves
/// out any start tag that would open an element deeper than <see cref="MaxDepth"/>, with its end tag. Text is never
/// left out, so a paragraph inside deep nesting is still found; a page that nests less is returned unchanged. A page
/// of more than <see cref="MaxElements"/> elements is read up to that element (the parsed tree costs some 400
/// bytes a node, and an article comes early in its page).
/// </summary>
/// <remarks>
/// Elements that the parser never nests in themselves (<c>p</c>, <c>li</c>, <c>td</c>, <c>tr</c>…: a new one closes the
/// open one) are not counted, so long lists and tables with omitted end tags lose nothing. Every counted level can add
/// at most four of those, so the parsed tree is at most about five times <see cref="MaxDepth"/> deep.
/// </remarks>
internal static class HtmlNesting
{
    /// <summary>The most elements kept open at once (counted as described above). Real pages nest a few dozen deep.</summary>
    public const int MaxDepth = 128;

    /// <summary>The most elements read from one page; large real pages have a few thousand.</summary>
    public const int MaxElements = 100_000;

    /// <summary>How deep the parsed tree of a bounded page can be; walks over the tree may recurse this far.</summary>
    public const int MaxTreeDepth = (5 * MaxDepth) + 16;

    private static readonly HashSet<string> ClosedBySibling = new(StringComparer.Ordinal)
    {
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup", "caption",
        "rb", "rt", "rtc", "rp", "html", "head", "body",
    };

    private static readonly HashSet<string> Void = new(StringComparer.Ordinal)
    {
        "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input", "keygen", "link", "meta",
        "param", "source", "track", "wbr",
    };

    /// <summary>Elements whose content is text up to their end tag.</summary>
    private static readonly HashSet<string> RawText = new(StringComparer.Ordinal)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
    };

    /// <summary>
    /// <paramref name="html"/> with start tags deeper than <see cref="MaxDepth"/> (and their end tags) left out;
    /// <paramref name="leftOut"/> counts the tags left out; <paramref name="truncated"/> says whether the page was
    /// cut at its <see cref="MaxElements"/>-th element.
    /// </summary>
    public static string Bound(string html, out int leftOut, out bool truncated)
    {
        ArgumentNullException.ThrowIfNull(html);
        leftOut = 0;
        truncated = false;
        var elements = 0;
        var open = new List<string>(MaxDepth);
        Dictionary<string, int>? unmatched = null;
        List<(int Start, int End)>? cuts = null;
        var i = 0;
        while (i < html.Length && (i = html.IndexOf('<', i)) >= 0)
        {
            if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                var close = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = close < 0 ? html.Length : close + 3;
                continue;
            }

            if (i + 1 >= html.Length)
            {
                break;
            }

            var closing = html[i + 1] == '/';
            var nameStart = i + (closing ? 2 : 1);
            if (nameStart >= html.Length || !char.IsAsciiLetter(html[nameStart]))
            {
                // "<!doctype", "<?xml", or a stray "<": up to the next ">" or just past the "<".
                i = html[i + 1] is '!' or '?' ? TagEnd(html, i + 2) : i + 1;
                continue;
            }

            var nameEnd = nameStart;
            while (nameEnd < html.Length && html[nameEnd] is not ('>' or '/' or ' ' or '\t' or '\n' or '\r' or '\f'))
            {
                nameEnd++;
            }

            var name = html[nameStart..nameEnd].ToLowerInvariant();
            var end = TagEnd(html, nameEnd);
            if (closing)
            {
                if (unmatched is not null && unmatched.TryGetValue(name, out var pending) && pending > 0)
                {
                    unmatched[name] = pending - 1;
                    (cuts ??= []).Add((i, end));
                }
                else if (open.LastIndexOf(name) is var at and >= 0)
                {
                    open.RemoveRange(at, open.Count - at);
                }
            }
            else if (name == "plaintext")
            {
                break;
            }
            else if (!(IsCounted(name) && open.Count >= MaxDepth) && ++elements > MaxElements)
            {
                truncated = true;
                (cuts ??= []).Add((i, html.Length));
                break;
            }
            else if (RawText.Contains(name))
            {
                end = RawTextEnd(html, end, name);
            }
            else if (IsCounted(name))
            {
                if (open.Count < MaxDepth)
                {
                    open.Add(name);
                }
                else
                {
                    unmatched ??= new Dictionary<string, int>(StringComparer.Ordinal);
                    unmatched[name] = unmatched.GetValueOrDefault(name) + 1;
                    (cuts ??= []).Add((i, end));
                }
            }

            i = end;
        }

        if (cuts is null)
        {
            return html;
        }

        leftOut = cuts.Count - (truncated ? 1 : 0);
        var kept = new StringBuilder(html.Length);
        var from = 0;
        foreach (var (start, stop) in cuts)
        {
            kept.Append(html, from, start - from);
            from = stop;
        }

        return kept.Append(html, from, html.Length - from).ToString();
    }

    /// <summary>Whether an element of this name counts towards the depth (a raw-text element is never nested).</summary>
    private static bool IsCounted(string name) => !Void.Contains(name) && !ClosedBySibling.Contains(name) && !RawText.Contains(name);

    /// <summary>Just past the "&gt;" that ends the tag whose attributes start at <paramref name="from"/> (quoted values skipped).</summary>
    private static int TagEnd(string html, int from)
    {
        for (var k = from; k < html.Length; k++)
        {
            switch (html[k])
            {
                case '>':
                    return k + 1;
                case '=':
                    var value = k + 1;
                    while (value < html.Length && char.IsWhiteSpace(html[value]))
                    {
                        value++;
                    }

                    if (value < html.Length && html[value] is '"' or '\'')
                    {
                        var quote = html.IndexOf(html[value], value + 1);
                        if (quote < 0)
                        {
                            return html.Length;
                        }

                        k = quote;
                    }

                    break;
            }
        }

        return html.Length;
    }

    /// <summary>Where the raw text that starts at <paramref name="from"/> ends: at its "&lt;/name", or the end of the page.</summary>
    private static int RawTextEnd(string html, int from, string name)
    {
        var closing = "</" + name;
        for (var k = from; k < html.Length; k++)
        {
            k = html.IndexOf(closing, k, StringComparison.OrdinalIgnoreCase);
            if (k < 0)
            {
                return html.Length;
            }

            var after = k + closing.Length;
            if (after >= html.Length || html[after] is '>' or '/' or ' ' or '\t' or '\n' or '\r' or '\f')
            {
                return k;
            }
        }

        return html.Length;
    }
}
