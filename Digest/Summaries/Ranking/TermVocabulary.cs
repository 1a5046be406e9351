using Digest.Language;

namespace Digest.Summaries.Ranking;

/// <summary>
/// Maps the words of one article to term ids: stop words to -1, everything else to the id of its stem, numbered
/// densely from 0 in order of first use. Repeated words cost one dictionary look-up and no allocation.
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

        var stem = WordCache.Get(lowerWord).Info.Stem;
        return stem is not null && _stems.TryGetValue(stem, out var term) ? term : -1;
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
                var (shared, info) = WordCache.Get(word);
                entry = (TermOf(info.Stem), info.Flags);
                _words.Add(shared, entry);
            }

            tokens.Add(new Token(span.Start, span.Length, entry.Term, entry.Flags));
        }
    }

    private int TermOf(string? stem)
    {
        if (stem is null)
        {
            return -1;
        }

        if (!_stems.TryGetValue(stem, out var term))
        {
            term = _stems.Count;
            _stems.Add(stem, term);
        }

        return term;
    }
}
