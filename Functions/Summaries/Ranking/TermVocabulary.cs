using Digest.Language;

namespace Digest.Summaries.Ranking;

/// <summary>
/// Maps the words of one article to term ids: stop words to -1, everything else to the id of its stem. Each distinct
/// word is stemmed once; repeated words cost one dictionary look-up and no allocation.
/// </summary>
internal sealed class TermVocabulary
{
    private readonly Dictionary<string, (int Term, TokenFlags Flags)> _words = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _stems = new(StringComparer.Ordinal);

    public int TermCount => _stems.Count;

    /// <summary>The term id of <paramref name="lowerWord"/>'s stem if the article has it; otherwise -1.</summary>
    public int FindTerm(string lowerWord)
    {
        if (_words.TryGetValue(lowerWord, out var entry))
        {
            return entry.Term;
        }

        return !StopWords.Contains(lowerWord) && _stems.TryGetValue(Stemmer.Stem(lowerWord), out var term) ? term : -1;
    }

    /// <summary>Appends the tokens of <paramref name="text"/> to <paramref name="tokens"/>.</summary>
    public void AddTokens(string text, List<Token> tokens)
    {
        var lookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
        var scanner = new WordScanner(text);
        Span<char> buffer = stackalloc char[64];
        while (scanner.Next(out var span))
        {
            var target = span.Length <= buffer.Length ? buffer : new char[span.Length];
            var word = target[..Words.Normalize(text.AsSpan(span.Start, span.Length), target)];
            if (!lookup.TryGetValue(word, out var entry))
            {
                var lower = word.ToString();
                entry = Classify(lower);
                _words.Add(lower, entry);
            }

            tokens.Add(new Token(span.Start, span.Length, entry.Term, entry.Flags));
        }
    }

    private (int Term, TokenFlags Flags) Classify(string lower)
    {
        if (StopWords.Contains(lower))
        {
            return (-1, TokenFlags.StopWord | (VerbHints.IsVerbLike(lower) ? TokenFlags.VerbHint : TokenFlags.None));
        }

        var flags = char.IsDigit(lower[0]) ? TokenFlags.Number : TokenFlags.None;
        if (VerbHints.IsVerbLike(lower))
        {
            flags |= TokenFlags.VerbHint;
        }

        var stem = Stemmer.Stem(lower);
        if (!_stems.TryGetValue(stem, out var term))
        {
            term = _stems.Count;
            _stems.Add(stem, term);
        }

        return (term, flags);
    }
}
