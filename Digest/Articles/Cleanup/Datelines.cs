using System.Text.RegularExpressions;

namespace Digest.Articles.Cleanup;

/// <summary>
/// Datelines: a paragraph that is only a date (<c>Published Aug. 6, 2025</c>), or the place/date lead-in of the first
/// body paragraph (<c>WASHINGTON (AP) —</c>, <c>Aug. 6, 2025 —</c>, <c>date 2025-08-06</c>).
/// </summary>
internal static class Datelines
{
    private const string Label = @"(?:(?:first\s+|last\s+)?(?:published|updated|modified|posted)(?:\s+on)?|date)";

    private static readonly Regex DateOnly = new(
        $@"^(?:{Label}\s*:?\s*)?{DateText.Pattern}(?:\s*[|·•,;]?\s*(?:{Label}\s*:?\s*{DateText.Pattern}|\d+\s*min(?:ute)?s?\s+read))*\s*\.?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex DatePrefix = new(
        $@"^(?:{Label}\s*:?\s*)?{DateText.Pattern}\s*(?:—|–|--|\s-|:|\|)?\s+(?=[""“‘'(]?[A-Z0-9])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary><c>WASHINGTON (AP) —</c>, <c>SAN JUAN, Puerto Rico —</c>, <c>LONDON, Aug 6 (Reuters) -</c>.</summary>
    private static readonly Regex PlacePrefix = new(
        @"^(?<place>[A-Z][A-Z.'’-]{2,}(?:\s+[A-Z][A-Z.'’-]+)*(?:,\s*[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)*)?)" +
        $@"(?:,\s*(?:{DateText.Pattern}|[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}}))?" +
        @"\s*(?:\((?<agency>[^()]{2,40})\))?\s*(?:—|–|--|\s-)\s*(?=\S)",
        RegexOptions.CultureInvariant);

    /// <summary>True when the whole paragraph is a date line; <paramref name="date"/> is its first date.</summary>
    public static bool IsDateOnly(string paragraph, out DateTimeOffset? date)
    {
        date = null;
        if (!DateOnly.IsMatch(paragraph))
        {
            return false;
        }

        date = DateText.FindFirst(paragraph);
        return true;
    }

    /// <summary>
    /// Splits a leading dateline off a paragraph. Returns the dateline text (null when there is none),
    /// the rest of the paragraph, and the date the dateline names, if any.
    /// </summary>
    public static (string? Dateline, string Remainder, DateTimeOffset? Date) SplitPrefix(string paragraph)
    {
        var match = DatePrefix.Match(paragraph);
        if (match.Success)
        {
            return (match.Value.Trim(), paragraph[match.Length..], DateText.TryRead(match, out var date) ? date : null);
        }

        match = PlacePrefix.Match(paragraph);
        if (match.Success && match.Length < paragraph.Length)
        {
            return (match.Value.Trim(), paragraph[match.Length..], DateText.TryRead(match, out var date) ? date : null);
        }

        return (null, paragraph, null);
    }

    /// <summary>True for a labelled date field (<c>date 2025-08-06</c>, <c>Published Aug. 6, 2025</c>) rather than a news dateline.</summary>
    public static bool IsDateField(string dateline) => LabelLead.IsMatch(dateline);

    private static readonly Regex LabelLead = new($@"^{Label}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>True when the text starts with a date or dateline lead-in (so it can never be a title).</summary>
    public static bool StartsWithDateline(string text) =>
        IsDateOnly(text, out _) || SplitPrefix(text).Dateline is not null;
}
