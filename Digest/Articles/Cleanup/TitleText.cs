using System.Text.RegularExpressions;

namespace Digest.Articles.Cleanup;

/// <summary>Whether a line reads as an article title rather than a dateline, byline, caption or body sentence.</summary>
internal static partial class TitleText
{
    private const int MaxTitleWords = 25;
    private const int MaxTitleLength = 200;

    /// <summary>
    /// True for a headline: letters, two to 25 words, not a date/dateline, byline, caption, prompt or end note,
    /// and not sentence-like (no closing full stop, no second sentence).
    /// </summary>
    public static bool LooksLikeTitle(string line)
    {
        var words = Sentences.WordCount(line);
        if (words is < 2 or > MaxTitleWords || line.Length > MaxTitleLength || !line.Any(char.IsLetter))
        {
            return false;
        }

        if (line.TrimEnd('"', '”', '’', '\'').EndsWith('.') || line.EndsWith(':') || Sentences.Split(line).Count > 1)
        {
            return false;
        }

        return !IsMetadata(line);
    }

    /// <summary>
    /// True for a headline-cased line of one or two sentences (<c>Chief Raft Is Out. The Overtime Questions Aren't
    /// Going Anywhere.</c>): every word of four letters or more capitalised, at most 20 words, and no metadata.
    /// </summary>
    public static bool IsHeadlineCased(string line)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is < 3 or > 20 || line.Length > MaxTitleLength || Sentences.Split(line).Count > 2)
        {
            return false;
        }

        var long4 = words.Select(w => w.Trim('"', '“', '”', '‘', '’', '\'', '(', ')')).Where(w => w.Length >= 4 && w.Any(char.IsLetter)).ToList();
        return long4.Count >= 2 && long4.All(w => char.IsUpper(w[0]) || char.IsDigit(w[0])) && !IsMetadata(line);
    }

    /// <summary>
    /// True for the line a plain article opens with when it is its title: a title-like line (no closing full stop,
    /// up to 25 words) that starts with a capital, a digit or a quote and does not end on a comma or semicolon.
    /// </summary>
    public static bool IsTitleLine(string line) =>
        LooksLikeTitle(line) && Sentences.WordCount(line) >= 3 && (char.IsUpper(line[0]) || char.IsDigit(line[0]) || line[0] is '"' or '“' or '‘') &&
        !line.EndsWith(',') && !line.EndsWith(';');

    /// <summary>
    /// True when the title shares words with the body it heads: two of its content words (one when it has three or
    /// fewer) appear in the body, compared by their first five letters, so "donates" finds "donation".
    /// </summary>
    public static bool SharesBody(string title, IReadOnlyList<string> body)
    {
        var words = ContentWords(title).Distinct().ToList();
        if (words.Count == 0)
        {
            return false;
        }

        var needed = words.Count >= 4 ? 2 : 1;
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var paragraph in body.Take(40))
        {
            foreach (var word in words)
            {
                if (!found.Contains(word) && paragraph.Contains(word, StringComparison.OrdinalIgnoreCase))
                {
                    found.Add(word);
                    if (found.Count >= needed)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static IEnumerable<string> ContentWords(string text) =>
        Digest.Language.Words.Tokenize(text)
            .Where(w => w.Length >= 3 && w.Any(char.IsLetter) && !Digest.Language.StopWords.Contains(w))
            .Select(w => w.Length > 5 ? w[..5] : w);

    /// <summary>True when the line is a date, dateline, byline, caption, prompt, end note or tag line.</summary>
    public static bool IsMetadata(string line) =>
        Datelines.StartsWithDateline(line) || Bylines.TryParse(line, out _) || Captions.IsCaption(line) ||
        Captions.SplitCredit(line).Credit is not null || Prompts.IsPrompt(line) || EndNotes.IsEndNote(line) ||
        TagLines.IsLabelled(line);

    /// <summary>Removes wire-service slugs from the start of a headline: <c>UPDATE 2-</c>, <c>CORRECTED-</c>, <c>BREAKING:</c>.</summary>
    public static string StripWirePrefix(string title) => WirePrefix().Replace(title, string.Empty);

    [GeneratedRegex(@"^(?:(?:UPDATE|REFILE|CORRECTED|EXCLUSIVE|BREAKING|WRAPUP|ANALYSIS)(?:\s+\d+)?\s*[-:–—]\s*)+")]
    private static partial Regex WirePrefix();
}
