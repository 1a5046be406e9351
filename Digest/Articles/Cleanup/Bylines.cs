using System.Text.RegularExpressions;

namespace Digest.Articles.Cleanup;

/// <summary>What a byline says besides the authors' names.</summary>
/// <param name="Outlet">The outlet named in the byline (<c>By Ana Ruiz | Harbor Times</c>), if any.</param>
/// <param name="Date">A date in the byline (<c>By Ana Ruiz | Aug. 6, 2025</c>), if any.</param>
internal sealed record Byline(string? Outlet, DateTimeOffset? Date);

/// <summary>
/// Recognises bylines (<c>By NAME | Outlet</c>, <c>By NAME and NAME, Outlet</c>, <c>Reporting by ...; Editing by ...</c>)
/// strictly enough that a sentence starting with "By" (<c>By Tuesday, the council had voted.</c>) is left alone.
/// </summary>
internal static partial class Bylines
{
    private const int MaxLength = 240;

    [GeneratedRegex(@"^(?:by|written\s+by|story\s+by|words\s+by|posted\s+by)\s*:?\s+(?<rest>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AuthorLead();

    [GeneratedRegex(@"^(?:(?:additional|contributed)\s+)?(?:reporting|writing|editing|research|compiled|interviews|text|graphics)\s+by\s+[A-Z]", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex CreditLead();

    [GeneratedRegex(@"\s*(?:\||•|·|—|–|\s-\s)\s*")]
    private static partial Regex SegmentSeparator();

    [GeneratedRegex(@"\s+(?:and|&)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex NameJoiner();

    [GeneratedRegex(@"^\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|da|del|della|van|von|der|den|la|le|bin|al|dos|du|y))*$")]
    private static partial Regex PersonName();

    [GeneratedRegex(@"^(?:the\s+)?(?:senior\s+|chief\s+|special\s+|contributing\s+|staff\s+)*(?:staff|writer|reporter|correspondent|editor|contributor|columnist|producer|journalist|photographer)s?$", RegexOptions.IgnoreCase)]
    private static partial Regex JobTitle();

    [GeneratedRegex(@"\s+(?:staff(?:\s+(?:writer|reporter))?|writer|reporter|correspondent)$", RegexOptions.IgnoreCase)]
    private static partial Regex JobSuffix();

    [GeneratedRegex(@"^(?:the|this|that|then|now|late|early|noon|midnight|mon|tues|wednes|thurs|fri|satur|sun)(?:day)?\b|^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d", RegexOptions.IgnoreCase)]
    private static partial Regex NotAName();

    [GeneratedRegex(@"\p{Ll}{2,}[.!?]$|[!?]$")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"^\d+\s*min(?:ute)?s?\s+read$|^(?:updated|posted|published)\b", RegexOptions.IgnoreCase)]
    private static partial Regex IgnorableSegment();

    /// <summary><c>Metro Wire reporter Sam Adler contributed to this report.</c></summary>
    [GeneratedRegex(@"^(?<outlet>\p{Lu}[\p{L}\p{N}&.'’-]*(?:\s+\p{Lu}[\p{L}\p{N}&.'’-]*){0,4})\s+(?:staff\s+)?(?:reporters?|writers?|correspondents?|photographers?)\s+(?<names>.+?)\s+contributed\s+(?:reporting\s+)?to\s+this\s+(?:report|story|article)\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex OutletContribution();

    /// <summary>The line under an outlet-less byline: <c>Cascade Wire</c>, <c>Cascade Wire Updated 6:40 a.m. PT</c>.</summary>
    [GeneratedRegex(@"^(?<outlet>\p{Lu}[^|•·—–:;!?]{1,50}?)(?:\s*[|•·—–,]?\s*(?:updated|published|posted)\b.{0,40})?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OutletLine();

    /// <summary>A line that is only a time stamp: <c>Updated 6:40 a.m. PT</c>, <c>Posted Friday</c>.</summary>
    [GeneratedRegex(@"^(?:updated|published|posted)\b[^.!?]{0,40}(?:[ap]\.m\.)?[^.!?]{0,10}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StampLine();

    /// <summary>True when the paragraph is only a time stamp (<c>Updated 6:40 a.m. PT</c>).</summary>
    public static bool IsStamp(string paragraph) => paragraph.Length <= 60 && StampLine().IsMatch(paragraph);

    /// <summary>
    /// The outlet named by the line that follows an outlet-less byline (<c>By NAME</c> / <c>OUTLET</c> /
    /// <c>Updated TIME</c>, one item a line), or null when the line is not one.
    /// </summary>
    public static string? OutletUnderByline(string paragraph)
    {
        var match = OutletLine().Match(paragraph);
        return match.Success && !SentenceEnd().IsMatch(paragraph) && !Datelines.StartsWithDateline(paragraph) && !Captions.IsSlashCredit(paragraph)
            ? AsOutlet(match.Groups["outlet"].Value)
            : null;
    }

    /// <summary>True when the whole paragraph is a byline or a credit line.</summary>
    public static bool TryParse(string paragraph, out Byline byline)
    {
        byline = new Byline(null, null);
        if (paragraph.Length > MaxLength)
        {
            return false;
        }

        if (CreditLead().IsMatch(paragraph) && paragraph.Split(' ').Length <= 40)
        {
            return true;
        }

        var contribution = OutletContribution().Match(paragraph);
        if (contribution.Success && IsNameList(contribution.Groups["names"].Value))
        {
            byline = new Byline(AsOutlet(contribution.Groups["outlet"].Value), null);
            return true;
        }

        // The outlet may come first: "Coastline Daily | By June Okoro | Nov. 20, 2026".
        string? leadOutlet = null;
        var lead = AuthorLead().Match(paragraph);
        if (!lead.Success && SegmentSeparator().Split(paragraph, 2) is [var first, var others] && AsOutlet(first) is { } firstOutlet)
        {
            lead = AuthorLead().Match(others);
            leadOutlet = firstOutlet;
        }

        if (!lead.Success || SentenceEnd().IsMatch(paragraph))
        {
            return false;
        }

        var segments = SegmentSeparator().Split(lead.Groups["rest"].Value.Trim());
        if (!TryReadAuthors(segments[0], out var outlet))
        {
            return false;
        }

        outlet ??= leadOutlet;

        DateTimeOffset? date = null;
        foreach (var segment in segments.Skip(1).Where(s => s.Length > 0))
        {
            if (DateText.TryParse(segment, out var parsed) || Datelines.IsDateOnly(segment, out _))
            {
                date ??= DateText.FindFirst(segment);
            }
            else if (outlet is null && AsOutlet(segment) is { } named)
            {
                outlet = named;
            }
            else if (!JobTitle().IsMatch(segment) && !IgnorableSegment().IsMatch(segment) && !PersonName().IsMatch(segment))
            {
                return false;
            }
        }

        byline = new Byline(outlet, date);
        return true;
    }

    /// <summary>
    /// Reads <c>NAME</c>, <c>NAME and NAME</c>, <c>NAME, NAME and NAME</c>, optionally followed by <c>, Outlet</c>.
    /// </summary>
    private static bool TryReadAuthors(string text, out string? outlet)
    {
        outlet = null;
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || !IsNameList(parts[0]))
        {
            return false;
        }

        var namesEnd = parts.Length;
        if (parts.Length >= 2 && !NameJoiner().IsMatch(parts[^1]) &&
            (parts.Length == 2 || parts[..^1].Any(p => NameJoiner().IsMatch(p)) || !IsNameList(parts[^1])))
        {
            namesEnd = parts.Length - 1;
            if (!JobTitle().IsMatch(parts[^1]))
            {
                outlet = AsOutlet(parts[^1]);
                if (outlet is null)
                {
                    return false;
                }
            }
        }

        return parts[1..namesEnd].All(IsNameList);
    }

    private static bool IsNameList(string text) =>
        NameJoiner().Split(text).All(name =>
            PersonName().IsMatch(name) && !NotAName().IsMatch(name) && name.Split(' ').Length <= 5);

    /// <summary>An outlet name: short, capitalised, no sentence punctuation; a trailing "Staff Writer" is cut.</summary>
    private static string? AsOutlet(string text)
    {
        var outlet = JobSuffix().Replace(text.Trim().TrimEnd('.'), "");
        var words = outlet.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var valid = words.Length is > 0 and <= 6
                    && (char.IsUpper(outlet[0]) || char.IsDigit(outlet[0]))
                    && outlet.IndexOfAny(['!', '?', ';', ':']) < 0
                    && !outlet.Contains(". ", StringComparison.Ordinal);
        return valid && !JobTitle().IsMatch(outlet) ? outlet : null;
    }
}
