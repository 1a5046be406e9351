using System.Globalization;
using System.Text;

namespace Digest.Summaries.Ranking;

/// <summary>
/// The terms of a whole article that tell which happening it reports, not only its topic: names (runs of capitalised
/// words, not counting a sentence's first word alone), amounts with what they count (<c>$3.5 million</c>,
/// <c>12 people</c>) and years. A summary keeps three sentences; two reports of one event told differently often share
/// no word there but do share the people, places and figures of the whole text. Each term is lower case, words
/// separated by one space; the most used first (ties to the one used first).
/// </summary>
internal static class EventTerms
{
    /// <summary>The longest name run kept, in words: a longer run is a title or heading, not a name.</summary>
    private const int MaxNameWords = 4;

    /// <summary>Names of more than one word tell more than a single word (a first name, a weekday), so they count this much more per use.</summary>
    private const double MultiWordBonus = 1.5;

    /// <summary>The <paramref name="count"/> best event terms of <paramref name="article"/>.</summary>
    public static List<string> Extract(ArticleText article, int count)
    {
        var result = new List<string>(count);
        if (count == 0)
        {
            return result;
        }

        var found = new Dictionary<string, (double Score, int First)>(StringComparer.Ordinal);
        var builder = new StringBuilder();
        foreach (var sentence in article.Sentences)
        {
            var text = sentence.Text;
            var tokens = article.TokensOf(sentence);
            for (var k = 0; k < tokens.Length;)
            {
                if (IsNameWord(text, tokens[k]))
                {
                    var end = k + 1;
                    while (end < tokens.Length && IsNameWord(text, tokens[end]) && Adjacent(text, tokens[end - 1], tokens[end]))
                    {
                        end++;
                    }

                    // A sentence's first word is capitalised whatever it is; alone it is no name.
                    var words = end - k;
                    if ((k > 0 || words > 1) && words <= MaxNameWords)
                    {
                        Add(found, Join(builder, text, tokens[k..end]), words > 1 ? MultiWordBonus : 1);
                    }

                    k = end;
                    continue;
                }

                if ((tokens[k].Flags & TokenFlags.Number) != 0 && Amount(builder, text, tokens, k) is { } amount)
                {
                    Add(found, amount, 1);
                }

                k++;
            }
        }

        foreach (var (term, _) in found.OrderByDescending(p => p.Value.Score).ThenBy(p => p.Value.First).Take(count))
        {
            result.Add(term);
        }

        return result;
    }

    private static void Add(Dictionary<string, (double Score, int First)> found, string term, double weight) =>
        found[term] = found.TryGetValue(term, out var seen) ? (seen.Score + weight, seen.First) : (weight, found.Count);

    private static bool IsNameWord(string text, Token token) =>
        token.Length > 1 && (token.Flags & (TokenFlags.StopWord | TokenFlags.Number)) == 0 && char.IsUpper(text[token.Start]);

    private static bool Adjacent(string text, Token previous, Token next)
    {
        var between = text.AsSpan(previous.End, next.Start - previous.End);
        return between is "-" || (!between.IsEmpty && between.IsWhiteSpace());
    }

    private static string Join(StringBuilder builder, string text, ReadOnlySpan<Token> tokens)
    {
        builder.Clear();
        foreach (var token in tokens)
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(text.AsSpan(token.Start, token.Length));
        }

        return builder.ToString().ToLowerInvariant();
    }

    /// <summary>
    /// A number with what it counts: the next word when it follows directly (an amount word such as <c>million</c>
    /// taken with the word after it), a leading <c>$</c> kept; a year alone. Null for a bare number, which tells nothing.
    /// </summary>
    private static string? Amount(StringBuilder builder, string text, ReadOnlySpan<Token> tokens, int k)
    {
        var number = text.AsSpan(tokens[k].Start, tokens[k].Length);
        builder.Clear();
        if (tokens[k].Start > 0 && text[tokens[k].Start - 1] == '$')
        {
            builder.Append('$');
        }

        foreach (var c in number)
        {
            if (c != ',')
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        var unit = 0;
        for (var next = k + 1; next < tokens.Length && unit < 2 && Adjacent(text, tokens[next - 1], tokens[next]); next++)
        {
            var flags = tokens[next].Flags;
            if ((flags & (TokenFlags.StopWord | TokenFlags.Number)) != 0)
            {
                break;
            }

            builder.Append(' ').Append(text.AsSpan(tokens[next].Start, tokens[next].Length));
            unit++;
            if ((flags & TokenFlags.Quantity) == 0)
            {
                break;
            }
        }

        if (unit > 0)
        {
            return builder.ToString().ToLowerInvariant();
        }

        return number.Length == 4 && int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2099
            ? builder.ToString()
            : null;
    }
}
