using Digest.Language;
using Digest.Summaries.Ranking;

namespace Digest.Summaries.Screening;

/// <summary>
/// Decides which sentences may appear in a summary and how much their form is worth. Boilerplate and fragments
/// (too short, no verb, all capitals, a question to the reader) are out; a bare quotation or a very long or short
/// sentence stays in but weighs less than a plain informative one. Chinese and Japanese sentences end with
/// <c>。！？</c>, count a token per character, and are not checked for a verb (the verb hints are English words).
/// </summary>
internal static class SentenceScreen
{
    /// <summary>Fewer words than this make a fragment, not a summary sentence.</summary>
    public const int MinWords = 6;

    /// <summary>
    /// How suitable <paramref name="sentence"/> is, from 0 (never choose) up to 1 (a plain informative sentence).
    /// </summary>
    public static double Suitability(SentenceText sentence, ReadOnlySpan<Token> tokens)
    {
        var text = sentence.Text;
        if (tokens.Length < MinWords || !EndsAsSentence(text) || !(HasVerb(text, tokens) || IsMostlyCjk(text, tokens)) || IsMostlyNumbers(tokens) || IsShouted(text) || IsQuestion(text) || BoilerplateLines.Matches(text))
        {
            return 0;
        }

        var weight = tokens.Length switch
        {
            < 10 => 0.8,
            > 60 => 0.7,
            > 40 => 0.85,
            _ => 1.0,
        };

        return IsBareQuotation(text) ? weight * 0.7 : weight;
    }

    /// <summary>
    /// Ends with . ! ? or … (possibly inside closing quotes or brackets). Headings, list items and table rows do not,
    /// and they never belong in a summary.
    /// </summary>
    private static bool EndsAsSentence(string text)
    {
        var trimmed = text.AsSpan().TrimEnd().TrimEnd("\"'”’)]」』）");
        return trimmed.Length > 0 && (trimmed[^1] is '.' or '!' or '?' or '…' || SentenceSplitter.IsCjkTerminal(trimmed[^1]));
    }

    /// <summary>A verb-like word, in lower case unless it opens the sentence (<c>Drew Herring</c> is a name).</summary>
    private static bool HasVerb(string text, ReadOnlySpan<Token> tokens)
    {
        for (var k = 0; k < tokens.Length; k++)
        {
            if ((tokens[k].Flags & TokenFlags.VerbHint) != 0 && (k == 0 || !char.IsUpper(text[tokens[k].Start])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Chinese or Japanese: most of its tokens are single CJK characters.</summary>
    private static bool IsMostlyCjk(string text, ReadOnlySpan<Token> tokens)
    {
        var cjk = 0;
        foreach (var token in tokens)
        {
            if (token.Length == 1 && Words.IsCjk(text[token.Start]))
            {
                cjk++;
            }
        }

        return cjk * 2 > tokens.Length;
    }

    /// <summary>A row of a results table or a list of figures: a third or more of the words are numbers.</summary>
    private static bool IsMostlyNumbers(ReadOnlySpan<Token> tokens)
    {
        var numbers = 0;
        foreach (var token in tokens)
        {
            if ((token.Flags & TokenFlags.Number) != 0)
            {
                numbers++;
            }
        }

        return numbers * 3 >= tokens.Length;
    }

    /// <summary>All capitals: a label, a kicker or a shouted subhead.</summary>
    private static bool IsShouted(string text)
    {
        var upper = 0;
        var lower = 0;
        foreach (var c in text)
        {
            if (char.IsUpper(c))
            {
                upper++;
            }
            else if (char.IsLower(c))
            {
                lower++;
            }
        }

        return upper >= 4 && lower * 5 < upper;
    }

    /// <summary>Ends in a question mark outside any quotation: the writer asking the reader.</summary>
    private static bool IsQuestion(string text)
    {
        var end = text.AsSpan().TrimEnd().TrimEnd(")]）");
        return end.Length > 0 && end[^1] is '?' or '\uFF1F';
    }

    /// <summary>A quotation from start to end with no attribution, so the reader cannot tell who said it.</summary>
    private static bool IsBareQuotation(string text) =>
        text.Length > 2 && text[0] is '"' or '\u201C' && text[^1] is '"' or '\u201D';
}
