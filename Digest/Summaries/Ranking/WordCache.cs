using System.Collections.Concurrent;
using Digest.Language;

namespace Digest.Summaries.Ranking;

/// <summary>What the ranking needs to know about one lower-case word.</summary>
/// <param name="Stem">The Porter2 stem; null for a stop word.</param>
/// <param name="Flags">Stop word, number, verb-like, quantity, generic.</param>
internal readonly record struct WordInfo(string? Stem, TokenFlags Flags);

/// <summary>
/// Stems and classifications of words seen so far, shared by all articles in the process. News vocabulary repeats
/// from article to article, so after a warm-up almost no word is stemmed twice. The cache stops growing at
/// <see cref="Capacity"/> words; words past that are still classified, just not remembered.
/// </summary>
internal static class WordCache
{
    /// <summary>The most words remembered.</summary>
    public const int Capacity = 200_000;

    private static readonly ConcurrentDictionary<string, WordInfo> Entries = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, WordInfo>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Entries.GetAlternateLookup<ReadOnlySpan<char>>();

    private static int _count;

    /// <summary>The word (as a string, shared where possible) and what it is.</summary>
    public static (string Word, WordInfo Info) Get(ReadOnlySpan<char> lowerWord)
    {
        if (Lookup.TryGetValue(lowerWord, out var word, out var info))
        {
            return (word, info);
        }

        word = lowerWord.ToString();
        info = Classify(word);
        if (Volatile.Read(ref _count) < Capacity && Entries.TryAdd(word, info))
        {
            Interlocked.Increment(ref _count);
        }

        return (word, info);
    }

    private static WordInfo Classify(string word)
    {
        var flags = VerbHints.IsVerbLike(word) ? TokenFlags.VerbHint : TokenFlags.None;
        if (StopWords.Contains(word))
        {
            return new WordInfo(null, flags | TokenFlags.StopWord);
        }

        if (char.IsDigit(word[0]))
        {
            flags |= TokenFlags.Number;
        }
        else if (GenericWords.IsQuantity(word))
        {
            flags |= TokenFlags.Quantity;
        }
        else if (GenericWords.IsGeneric(word))
        {
            flags |= TokenFlags.Generic;
        }

        return new WordInfo(Stemmer.Stem(word), flags);
    }
}
