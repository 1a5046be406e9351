using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Digest.Articles.Decoding;
using Digest.Articles.Html;

namespace Digest.Articles.Formats;

/// <summary>
/// Turns an HTML fragment (a JSON body, a raw HTML block inside Markdown) into plain-text paragraphs: one per block
/// element or <c>&lt;br&gt;</c>-separated line; headings become subheads and figure captions become captions, both
/// recorded as dropped; scripts, styles, forms and embeds are ignored.
/// </summary>
internal static partial class HtmlFragmentText
{
    private static readonly HtmlParser Parser = new();

    private static readonly HashSet<string> Ignored = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "video", "audio",
        "form", "button", "input", "select", "textarea", "nav", "img", "picture", "source", "head",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "header", "footer", "aside", "blockquote", "pre", "ul", "ol", "li",
        "dl", "dt", "dd", "table", "thead", "tbody", "tr", "td", "th", "address", "hr", "body", "html",
    };

    private static readonly HashSet<string> Headings = new(StringComparer.OrdinalIgnoreCase)
    {
        "h1", "h2", "h3", "h4", "h5", "h6",
    };

    /// <summary>True when the text contains HTML markup (a known tag, not just a stray angle bracket).</summary>
    public static bool ContainsMarkup(string text) => KnownTag().IsMatch(text);

    /// <summary>Plain-text paragraphs of the fragment, and the headings and captions it left out.</summary>

    public static (IReadOnlyList<string> Paragraphs, IReadOnlyList<DroppedText> Dropped) Read(string html)
    {
        var document = Parser.ParseDocument(HtmlNesting.Bound(html, out _, out _));
        var walk = new Walk();
        if (document.Body is { } body)
        {
            walk.Visit(body);
        }

        walk.Flush();
        return (walk.Paragraphs, walk.Dropped);
    }

    [GeneratedRegex(@"<(?:!doctype|html|head|body|p|div|br|h[1-6]|ul|ol|li|span|a|em|strong|b|i|blockquote|figure|article|section|main|table|meta|title|img)\b[^<>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex KnownTag();

    /// <summary>One pass over the element tree, collecting text into paragraphs.</summary>
    private sealed class Walk
    {
        private readonly StringBuilder current = new();

        public List<string> Paragraphs { get; } = [];

        public List<DroppedText> Dropped { get; } = [];

        public void Visit(INode node)
        {
            foreach (var child in node.ChildNodes)
            {
                switch (child)
                {
                    case IText text:
                        current.Append(text.Data);
                        break;
                    case IElement element when Ignored.Contains(element.LocalName):
                        break;
                    case IElement { LocalName: "br" }:
                        Flush();
                        break;
                    case IElement element when element.LocalName is "figure" or "figcaption":
                        Flush();
                        AddDropped(DroppedKinds.Caption, element.TextContent);
                        break;
                    case IElement element when Headings.Contains(element.LocalName):
                        Flush();
                        AddDropped(DroppedKinds.Subhead, element.TextContent);
                        break;
                    case IElement element when Blocks.Contains(element.LocalName):
                        Flush();
                        Visit(element);
                        Flush();
                        break;
                    case IElement element:
                        Visit(element);
                        break;
                }
            }
        }

        public void Flush()
        {
            var text = TextNormalizer.CollapseWhitespace(TextNormalizer.Normalize(current.ToString()));
            current.Clear();
            if (text.Length > 0)
            {
                Paragraphs.Add(text);
            }
        }

        private void AddDropped(string kind, string text)
        {
            var clean = TextNormalizer.CollapseWhitespace(text);
            if (clean.Length > 0)
            {
                Dropped.Add(new DroppedText(kind, clean));
            }
        }
    }
}
