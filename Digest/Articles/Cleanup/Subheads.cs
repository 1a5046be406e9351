using System.Text.RegularExpressions;

namespace Digest.Articles.Cleanup;

/// <summary>
/// Subheads inside a body: known section labels (<c>What we know:</c>, <c>Why it matters:</c>, <c>The backstory:</c>),
/// and title-cased labels ending in a colon.
/// </summary>
internal static partial class Subheads
{
    private const int MaxHeadingWords = 12;
    private const int MaxHeadingLength = 90;

    private const string KnownLabels =
        @"what\s+we\s+(?:know|don['’]t\s+know)(?:\s+so\s+far)?|what['’]s\s+(?:next|new|happening|at\s+stake)|what\s+(?:happens|comes)\s+next|what\s+(?:they|people|others|critics|officials)(?:\s+are|['’]re)\s+saying|what\s+(?:they|people)\s+said|what\s+(?:happened|to\s+know|to\s+watch|you\s+need\s+to\s+know)|why\s+it\s+matters|(?:the\s+)?big\s+picture(?:\s+view)?|(?:the\s+)?backstory|background|(?:the\s+)?context|(?:key\s+)?takeaways|(?:the\s+)?bottom\s+line|between\s+the\s+lines|by\s+the\s+numbers|zoom\s+(?:in|out)|driving\s+the\s+news|state\s+of\s+play|(?:the\s+)?latest|catch\s+up\s+quick|go\s+deeper|dig\s+deeper|flashback|(?:the\s+)?other\s+side|reality\s+check|(?:the\s+)?intrigue|yes,?\s+but|(?:the\s+)?details|timeline|local\s+perspective|(?:the\s+)?response|(?:the\s+)?fallout|(?:the\s+)?impact|looking\s+ahead|(?:the\s+)?stakes|how\s+we\s+got\s+here|(?:key|fast|quick)\s+facts|at\s+a\s+glance|highlights|in\s+brief|dig\s+in|the\s+news|the\s+scene|the\s+victims?|the\s+suspects?|the\s+investigation";

    [GeneratedRegex(@"^(?:" + KnownLabels + @")\s*:\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LabelLead();

    [GeneratedRegex(@"^(?:" + KnownLabels + @")\s*:?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LabelOnly();

    [GeneratedRegex(@"^[\p{L}\p{N}'’&-]+(?:\s+[\p{L}\p{N}'’&-]+){0,6}\s*:$")]
    private static partial Regex ColonLabel();

    /// <summary>A question standing as a heading: <c>What is known about the meeting?</c></summary>
    [GeneratedRegex(@"^(?:what|how|why|who|when|where|which|is|are|was|were|will|can|could|does|do|did|should|has|have)\b[^""“”?.!]{3,90}\?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuestionHeading();

    [GeneratedRegex(@"[,!?]\s*[”""]|[“""]")]
    private static partial Regex QuotedSpeech();

    private static readonly HashSet<string> MinorWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "by", "with", "from", "vs",
    };

    /// <summary>True when the whole paragraph is a subhead.</summary>
    public static bool IsSubhead(string paragraph)
    {
        if (LabelOnly().IsMatch(paragraph))
        {
            return true;
        }

        // An explainer's question subhead ("What is known about the meeting?"): a short question standing alone,
        // never a quoted one.
        if (QuestionHeading().IsMatch(paragraph) && Sentences.WordCount(paragraph) <= MaxHeadingWords)
        {
            return true;
        }

        // Other short heading-like lines stay: in real pages they are as often list items, table rows and section
        // titles the article needs (tour dates, standings). The summarizer never picks a line without a full stop.
        return ColonLabel().IsMatch(paragraph) && IsTitleCased(paragraph.TrimEnd(':', ' '));
    }

    /// <summary>A short line with letters and without sentence punctuation at its end, e.g. <c>Road closures expected</c>.</summary>
    public static bool IsHeadingLike(string text) =>
        text.Length <= MaxHeadingLength &&
        Sentences.WordCount(text) <= MaxHeadingWords &&
        text.Any(char.IsLetter) &&
        !char.IsLower(text[0]) &&
        !Sentences.EndsLikeSentence(text) &&
        Sentences.Split(text).Count == 1 &&
        !text.EndsWith(',') && !text.EndsWith(';') && !text.EndsWith(':') &&
        !QuotedSpeech().IsMatch(text);

    /// <summary>Splits a known section label off the start of a paragraph: <c>What we know: The bridge ...</c>.</summary>
    public static (string? Label, string Remainder) SplitLabel(string paragraph)
    {
        var match = LabelLead().Match(paragraph);
        return match.Success && match.Length < paragraph.Length
            ? (match.Value.Trim(), paragraph[match.Length..])
            : (null, paragraph);
    }

    private static bool IsTitleCased(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 0 && char.IsUpper(words[0][0]) &&
               words.All(w => !char.IsLetter(w[0]) || char.IsUpper(w[0]) || MinorWords.Contains(w));
    }
}
