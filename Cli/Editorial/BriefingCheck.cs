using System.Text.RegularExpressions;
using Digest.Briefings;
using Digest.Briefings.Grouping;

namespace Digest.Cli.Editorial;

/// <summary>One problem an editor would not sign: its kind, the story's number (1-based) and the text at fault.</summary>
public sealed record BriefingFinding(string Kind, int Story, string Text);

/// <summary>
/// Reads a briefing as a subscriber does and names what an editor would send back. Its rules are written for this
/// check alone, apart from the ones the story writer follows, so that the check measures the writer and does not
/// repeat it.
/// </summary>
public static partial class BriefingCheck
{
    /// <summary>The kinds, in the order they are reported.</summary>
    public static readonly IReadOnlyList<string> Kinds =
    [
        UnknownOutlet, CutHeadline, DatelinedHeadline, PointsOutside, Teaser, Byline, FactTwice,
    ];

    public const string UnknownOutlet = "unknown-outlet";
    public const string CutHeadline = "cut-headline";
    public const string DatelinedHeadline = "datelined-headline";
    public const string PointsOutside = "points-outside";
    public const string Teaser = "teaser";
    public const string Byline = "byline";
    public const string FactTwice = "fact-twice";

    private static readonly HashSet<string> DanglingEnds = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "of", "to", "and", "or", "but", "with", "for", "in", "on", "at", "by", "from", "as", "that",
        "which", "who", "its", "their", "was", "were", "is", "are", "has", "have", "had", "than",
        "into", "about", "after", "before", "said", "says", "this", "these", "those", "our", "my", "your",
    };

    public static IReadOnlyList<BriefingFinding> Check(Briefing briefing)
    {
        var findings = new List<BriefingFinding>();
        for (var i = 0; i < briefing.Stories.Count; i++)
        {
            CheckStory(briefing.Stories[i], i + 1, findings);
        }

        return findings;
    }

    private static void CheckStory(Story story, int number, List<BriefingFinding> findings)
    {
        foreach (var source in story.Sources)
        {
            if (string.IsNullOrWhiteSpace(source.Outlet) || source.Outlet.Contains("unknown outlet", StringComparison.OrdinalIgnoreCase))
            {
                findings.Add(new BriefingFinding(UnknownOutlet, number, source.Article));
            }
        }

        // A source's own title is the outlet's wording; only a headline the writer made can be cut.
        var headline = story.Headline.Trim();
        var ownTitle = story.Sources.Any(s => string.Equals(s.Title?.Trim(), headline, StringComparison.Ordinal));
        if (headline.EndsWith('…') || (!ownTitle && IsCut(headline)))
        {
            findings.Add(new BriefingFinding(CutHeadline, number, headline));
        }

        if (Dateline().IsMatch(headline))
        {
            findings.Add(new BriefingFinding(DatelinedHeadline, number, headline));
        }

        for (var s = 0; s < story.Summary.Count; s++)
        {
            var sentence = story.Summary[s].Trim();
            if (TeaserSentence().IsMatch(sentence))
            {
                findings.Add(new BriefingFinding(Teaser, number, sentence));
            }
            else if (BylineText().IsMatch(sentence))
            {
                findings.Add(new BriefingFinding(Byline, number, sentence));
            }
            else if (PointsOutsideStory(sentence, first: s == 0))
            {
                findings.Add(new BriefingFinding(PointsOutside, number, sentence));
            }
        }

        for (var a = 0; a < story.Summary.Count; a++)
        {
            for (var b = a + 1; b < story.Summary.Count; b++)
            {
                if (SameFact(story.Summary[a], story.Summary[b]))
                {
                    findings.Add(new BriefingFinding(FactTwice, number, story.Summary[a] + " | " + story.Summary[b]));
                }
            }
        }
    }

    /// <summary>An ellipsis, a trailing comma or function word, or a gerund left hanging after "of"/"to"/"about".</summary>
    private static bool IsCut(string headline)
    {
        if (headline.EndsWith('…') || headline.EndsWith("...", StringComparison.Ordinal) || headline.EndsWith(',') ||
            headline.EndsWith(';') || headline.EndsWith(':') || headline.EndsWith('-') || headline.EndsWith('—'))
        {
            return true;
        }

        var words = headline.TrimEnd('.', '!', '?', '"', '”', '’').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 0 && (DanglingEnds.Contains(words[^1]) ||
               (words.Length > 1 && words[^1].EndsWith("ing", StringComparison.Ordinal) && words[^2] is "of" or "to" or "about"));
    }

    /// <summary>
    /// Demonstratives and connectives that lean on a sentence the story does not show ("That is how long it took",
    /// "What she saw was ...", "This statement was made by ...", "But ..."); a bare pronoun only when it opens the story.
    /// </summary>
    private static bool PointsOutsideStory(string sentence, bool first) =>
        Demonstrative().IsMatch(sentence) || Connective().IsMatch(sentence) || WhatClause().IsMatch(sentence) ||
        (first && Pronoun().IsMatch(sentence));

    /// <summary>Two sentences tell the same fact: they share a figure (numbers written out count) and a key noun, or most key words.</summary>
    private static bool SameFact(string a, string b)
    {
        var stemsA = SummaryTerms.ContentStems(a).ToHashSet();
        var stemsB = SummaryTerms.ContentStems(b).ToHashSet();
        var common = stemsA.Count(stemsB.Contains);
        var smaller = Math.Min(stemsA.Count, stemsB.Count);
        if (smaller > 0 && common / (double)smaller >= 0.7)
        {
            return true;
        }

        var figuresA = Figures(a);
        var figuresB = Figures(b);
        var nonFigureCommon = stemsA.Where(stemsB.Contains).Count(s => !s.Any(char.IsDigit) && !NumberWords.Contains(s));
        return figuresA.Overlaps(figuresB) && nonFigureCommon >= 2;
    }

    private static readonly HashSet<string> NumberWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
        "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty",
        "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "million", "billion",
    };

    private static HashSet<string> Figures(string sentence)
    {
        var figures = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in Figure().Matches(sentence))
        {
            var value = m.Value.TrimEnd('.', ',');
            if (value.Length >= 2 && !(value.Length == 4 && value[0] is '1' or '2' && value.All(char.IsDigit)))
            {
                figures.Add(value);
            }
        }

        foreach (Match m in SpelledNumber().Matches(sentence))
        {
            figures.Add(Spelled(m.Value).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return figures;
    }

    private static readonly string[] Units = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
    private static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    private static int Spelled(string text)
    {
        var total = 0;
        foreach (var part in text.ToLowerInvariant().Split('-', ' '))
        {
            var unit = Array.IndexOf(Units, part);
            total += unit >= 0 ? unit : Math.Max(0, Array.IndexOf(Tens, part)) * 10;
        }

        return total;
    }

    [GeneratedRegex(@"\d+(?:[.,]\d+)*(?:-\d+)?%?")]
    private static partial Regex Figure();

    [GeneratedRegex(@"\b(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?\b|\b(?:eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SpelledNumber();

    /// <summary><c>Port Calder, Oregon (Wire) --</c>, <c>HALIFAX/OTTAWA, Canada ...</c>, <c>LONDON —</c>, <c>Hong Kong (CNN Business)</c>.</summary>
    [GeneratedRegex(@"^(?:\p{Lu}[\p{L}.'’-]*(?:\s\p{Lu}[\p{L}.'’-]*){0,3}(?:,\s*\p{Lu}[\p{L}.'’-]*(?:\s\p{Lu}[\p{L}.'’-]*){0,2})?\s*\(\p{Lu}[^()]{1,29}\)|[\p{Lu}]{3,}(?:[/ ][\p{Lu}]{2,})*(?:,\s*[\p{Lu}][\p{L}.]+(?:\s[\p{Lu}][\p{L}.]+)*)?\s*(?:,|--|—|–|\s-\s)|[\p{Lu}][\p{L}]+(?:\s[\p{Lu}][\p{L}]+)*,\s*[\p{Lu}][\p{L}.]+\s*(?:--|—|–))")]
    private static partial Regex Dateline();

    [GeneratedRegex(@"^(?:here['’]s|here\s+is|here\s+are)\s+(?:what|why|how|who|when|where|a\s+look|the\s+latest|everything)|^(?:read|find\s+out|learn)\s+(?:on|more|what|how|why)\b|you\s+need\s+to\s+know\b|^(?:what\s+we\s+know|everything\s+(?:we|you)\s+know)\b|\b(?:read|watch)\s+(?:the\s+)?(?:full|more)\b|^(?:click|tap|subscribe|sign\s+up)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TeaserSentence();

    [GeneratedRegex(@"^by\s+\p{Lu}\p{L}+(?:\s+\p{Lu}[\p{L}.'’-]*){1,3}\s*(?:[|—–,]|$)|\bby\s+\p{Lu}\p{L}+(?:\s+\p{Lu}[\p{L}.'’-]*){1,3}\s*[|—–]\s*\p{Lu}|\bcontributed\s+to\s+this\s+report|[|—–]\s*(?:posted|updated|published)\s+(?:on\s+)?\p{L}", RegexOptions.IgnoreCase)]
    private static partial Regex BylineText();

    [GeneratedRegex(@"^(?:that|this|these|those|such)\s+(?!(?:year|week|month|morning|afternoon|evening|night|weekend|spring|summer|fall|autumn|winter|season|time\s+(?:of|last))\b)(?:is|was|are|were|has|had|will|would|could|can|may|might|statement|move|decision|comes|came|means|meant|one|comment|remark|claim|announcement|step|news|plan|proposal|incident|report|kind|sort|happened|number|figure|includes?|included|said|led|made|left|gave|brings?|brought)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Demonstrative();

    [GeneratedRegex(@"^(?:but|and|or|so|yet|still|also|however|instead|nevertheless|nonetheless|moreover|furthermore|besides|otherwise|then|thus|therefore|meanwhile\s+he|in\s+(?:that|this)\s+case)\b[ ,]", RegexOptions.IgnoreCase)]
    private static partial Regex Connective();

    [GeneratedRegex(@"^what\s+(?:he|she|they|we|i|it|you)\s+\p{L}+\s+(?:was|is|were|are)\b", RegexOptions.IgnoreCase)]
    private static partial Regex WhatClause();

    [GeneratedRegex(@"^(?:he|she|they|it|his|her|their|its|him|them)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Pronoun();
}
