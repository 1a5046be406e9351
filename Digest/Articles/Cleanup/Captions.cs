using System.Text.RegularExpressions;

namespace Digest.Articles.Cleanup;

/// <summary>
/// Photo captions and credits: <c>(Photo by NAME/AGENCY via Getty Images)</c>, <c>Photo: ...</c>,
/// <c>Image credit ...</c>, AP's <c>FILE - ...</c> captions and Getty's <c>CITY - MONTH DD: ...</c> captions.
/// </summary>
internal static partial class Captions
{
    private const string CreditWords =
        @"(?:\bphoto(?:graph)?s?\b|\bimages?\b|\bcredit\b|\bpicture\b|getty|shutterstock|alamy|courtesy\s+of|\bvia\s+(?:AP|Reuters|AFP)|AP\s+Photo|\b(?:AP|AFP|EPA|Reuters|Bloomberg)\s*/)";

    [GeneratedRegex(@"^(?:FILE(?:\s+PHOTO)?\s*[-–—:]|(?:photo(?:graph)?s?|images?|pictures?|video|illustration|graphic|caption|credit|photo\s+credit|image\s+(?:credit|source)|pictured|top\s+image|lead\s+image|main\s+image)\s*(?:\bby\b|:|\||/|\s-\s|–|—)|(?:photo|image)\s+(?:credit|source)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CaptionLead();

    [GeneratedRegex(@"^[A-Z][A-Z .,'’-]{2,}\s[-–—]\s(?:JAN|FEB|MAR|APR|MAY|JUNE?|JULY?|AUG|SEPT?|OCT|NOV|DEC)[A-Z]*\.?\s+\d{1,2}(?:,\s*\d{4})?:")]
    private static partial Regex GettyCaption();

    [GeneratedRegex(@"^\(?\s*(?:(?:AP|AFP|EPA|Reuters)\s+Photo\s*/|[\p{L} .'’-]{2,50}\s*/\s*(?:Getty\s+Images|AFP|Reuters|AP|EPA(?:-EFE)?|Shutterstock|Bloomberg|Alamy|Sipa)\b)[^()]{0,120}\)?$", RegexOptions.CultureInvariant)]
    private static partial Regex CreditOnly();

    [GeneratedRegex(@"^\((?=[^()]*" + CreditWords + @")[^()]{3,160}\)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BracketedCredit();

    [GeneratedRegex(@"\s*\((?=[^()]*" + CreditWords + @")[^()]{3,160}\)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingCredit();

    [GeneratedRegex(@"^\s*\((?=[^()]*" + CreditWords + @")[^()]{3,160}\)\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingCredit();

    /// <summary>True when the whole paragraph is a caption or a credit line.</summary>
    public static bool IsCaption(string paragraph) =>
        CaptionLead().IsMatch(paragraph) || GettyCaption().IsMatch(paragraph) || CreditOnly().IsMatch(paragraph) ||
        BracketedCredit().IsMatch(paragraph) || IsSlashCredit(paragraph);

    /// <summary>
    /// A photo credit by its shape: a short line of two names joined by a slash, each capitalised or a user handle,
    /// with no sentence in it (<c>Jdarsie11 / Wikimedia Commons</c>, <c>Ana Ruiz / Getty Images</c>).
    /// </summary>
    public static bool IsSlashCredit(string paragraph)
    {
        var parts = paragraph.Split('/', StringSplitOptions.TrimEntries);
        return parts.Length is 2 or 3 && paragraph.Length <= 80 && !paragraph.Contains("://", StringComparison.Ordinal) &&
               parts.All(p => p.Length > 1 && char.IsUpper(p[0]) && p.Split(' ').Length <= 4 && !p.Any(c => c is '.' or '!' or '?' or ',' or ';') &&
                              p.Split(' ').All(w => w.Length > 0 && (char.IsUpper(w[0]) || char.IsDigit(w[0]) || w is "of" or "via" or "for" or "the")));
    }

    /// <summary>
    /// Finds a credit in brackets at the start or end of a paragraph, e.g. <c>(Photo by NAME/AGENCY via Getty Images)</c>.
    /// Returns the credit (null when there is none) and the rest of the paragraph, which is kept as body text.
    /// </summary>
    public static (string? Credit, string Remainder) SplitCredit(string paragraph)
    {
        var trailing = TrailingCredit().Match(paragraph);
        if (trailing.Success)
        {
            return (trailing.Value.Trim(), paragraph[..trailing.Index].Trim());
        }

        var leading = LeadingCredit().Match(paragraph);
        return leading.Success ? (leading.Value.Trim(), paragraph[leading.Length..].Trim()) : (null, paragraph);
    }
}
