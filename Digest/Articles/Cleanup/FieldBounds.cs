namespace Digest.Articles.Cleanup;

/// <summary>
/// Bounds on the short fields of a parsed article that reach a reader as they are (headline, outlet, link), so a
/// hostile or broken file (a 960 KB &lt;title&gt;) cannot make a web page, email or terminal line megabytes long.
/// </summary>
/// <remarks>
/// A title is cut at a word boundary to <see cref="MaxTitleChars"/> (300): real headlines run to about 70-150
/// characters and rarely past 200, so 300 keeps every real one whole; a cut title ends with "…", which the story
/// writer knows as a cut headline and replaces with the lead. An outlet's name is cut the same way to
/// <see cref="MaxOutletChars"/> (100; real names are under 50). A URL over <see cref="MaxUrlChars"/> (2,048, the
/// sitemap protocol's limit and what browsers reliably handle) is dropped, not cut: a cut link points elsewhere.
/// Each change is recorded in the article's <c>dropped</c> list with kind <c>over-length</c>.
/// </remarks>
public static class FieldBounds
{
    public const int MaxTitleChars = 300;
    public const int MaxOutletChars = 100;
    public const int MaxUrlChars = 2048;

    /// <summary>How much of a removed field is kept in the record, so the record itself stays small.</summary>
    private const int RecordedChars = 120;

    public static string? Title(string? title, List<DroppedText> dropped) => Shorten("title", title, MaxTitleChars, dropped);

    public static string? Outlet(string? outlet, List<DroppedText> dropped) => Shorten("outlet", outlet, MaxOutletChars, dropped);

    public static string? Url(string? url, List<DroppedText> dropped)
    {
        if (url is null || url.Length <= MaxUrlChars)
        {
            return url;
        }

        dropped.Add(new DroppedText(DroppedKinds.OverLength, $"url of {url.Length:N0} characters, over the {MaxUrlChars:N0}-character limit, dropped: {url[..RecordedChars]}…"));
        return null;
    }

    /// <summary>The field cut at the last word boundary within <paramref name="limit"/>, or null when no boundary is there (never mid-word).</summary>
    private static string? Shorten(string field, string? text, int limit, List<DroppedText> dropped)
    {
        if (text is null || text.Length <= limit)
        {
            return text;
        }

        var end = limit - 1; // room for the ellipsis
        while (end > 0 && !char.IsWhiteSpace(text[end]))
        {
            end--;
        }

        var kept = end > 0 ? text[..end].TrimEnd(' ', ',', ';', ':', '-', '—', '–') : string.Empty;
        if (kept.Length == 0)
        {
            dropped.Add(new DroppedText(DroppedKinds.OverLength, $"{field} of {text.Length:N0} characters with no word break within the {limit:N0}-character limit, dropped: {text[..RecordedChars]}…"));
            return null;
        }

        dropped.Add(new DroppedText(DroppedKinds.OverLength, $"{field} of {text.Length:N0} characters cut at a word to the {limit:N0}-character limit"));
        return kept + "…";
    }
}
