namespace Digest.Cli.Editorial;

/// <summary>
/// How the briefing check reads words. Deliberately its own: it uses none of the story writer's tokenizer, stemmer,
/// stop words or patterns, so that what the writer lets through is judged by another reading. Words are compared by
/// their first five letters ("donating" and "donation" meet at "donat").
/// </summary>
internal static class ReaderWords
{
    /// <summary>The little words of English: a text in English is full of them, a text in another language is not.</summary>
    private static readonly HashSet<string> Function = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as", "is",
        "are", "was", "were", "be", "been", "has", "have", "had", "it", "its", "this", "that", "these", "those", "he",
        "she", "they", "his", "her", "their", "we", "our", "you", "your", "i", "not", "no", "will", "would", "can",
        "could", "after", "before", "about", "into", "than", "who", "which", "what", "when", "where", "said", "says",
        "also", "more", "one", "two", "new", "there", "been", "up", "out", "over", "if", "so", "do", "did", "does",
    };

    /// <summary>The words of a text, lower case, letters and digits only (apostrophes and hyphens kept inside).</summary>
    public static List<string> Of(string text)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c) || ((c is '\'' or '’' or '-') && current.Length > 0))
            {
                current.Append(char.ToLowerInvariant(c));
            }
            else
            {
                Flush(current, words);
            }
        }

        Flush(current, words);
        return words;
    }

    /// <summary>Words that carry meaning: not one of the little words, three letters or more, or a figure.</summary>
    public static HashSet<string> Content(string text) =>
        Of(text).Where(w => (w.Length >= 3 && !Function.Contains(w)) || (w.Length >= 2 && w.All(char.IsDigit)))
            .Select(Root).ToHashSet(StringComparer.Ordinal);

    /// <summary>The share of a text's words that are English function words.</summary>
    public static double EnglishShare(string text)
    {
        var words = Of(text);
        return words.Count == 0 ? 1 : words.Count(Function.Contains) / (double)words.Count;
    }

    public static bool IsFunctionWord(string word) => Function.Contains(word.ToLowerInvariant());

    public static string Root(string word)
    {
        var w = word.TrimEnd('\'', '’', '-');
        if (w.EndsWith("'s", StringComparison.Ordinal) || w.EndsWith("’s", StringComparison.Ordinal))
        {
            w = w[..^2];
        }

        return w.Length > 5 ? w[..5] : w;
    }

    private static void Flush(System.Text.StringBuilder current, List<string> words)
    {
        if (current.Length > 0)
        {
            words.Add(current.ToString().TrimEnd('\'', '’', '-'));
            current.Clear();
        }
    }
}
