using Digest.Language;
using Digest.Summaries;
using Digest.Summaries.Ranking;

namespace Digest.Briefings.Grouping;

/// <summary>
/// Turns summary records into TF-IDF vectors for grouping. The title counts double (it names the event), the summary
/// sentences and key phrases once; stems of non-stop words plus adjacent-stem pairs, so "police chief" is a feature
/// of its own and not just "police" and "chief". IDF comes from the day's own summaries.
/// </summary>
internal static class SummaryTerms
{
    private const float TitleWeight = 2f;
    private const float PairWeight = 0.5f;

    /// <summary>
    /// One vector per summary. <paramref name="indexTerms"/> is how many of each summary's heaviest terms index its
    /// story (<see cref="TermVector.IndexTerms"/>).
    /// </summary>
    public static TermVector[] Vectorize(IReadOnlyList<ArticleSummary> summaries, int indexTerms)
    {
        // A day's terms are mostly stem pairs that occur in one summary only (2.6 million of 3.1 million in 100,000
        // synthetic summaries). Such a term can never make two summaries similar, so it gets no id and no place in a
        // story's centroid; it only lengthens its summary's vector (TermVector.PrivateMass). Stem pairs are counted
        // by sorting their keys once rather than in a dictionary of every pair.
        TermIds? terms = new TermIds();
        var counts = new DocumentTerms[summaries.Count];
        var stemTerms = new Dictionary<int, float>();
        var pairTerms = new Dictionary<long, (float Count, int First)>();
        var pairTotal = 0;
        for (var d = 0; d < summaries.Count; d++)
        {
            stemTerms.Clear();
            pairTerms.Clear();
            var summary = summaries[d];
            AddText(summary.Title, TitleWeight, stemTerms, pairTerms, terms);
            foreach (var sentence in summary.Sentences)
            {
                AddText(sentence, 1f, stemTerms, pairTerms, terms);
            }

            foreach (var phrase in summary.KeyPhrases)
            {
                AddText(phrase, 1f, stemTerms, pairTerms, terms);
            }

            foreach (var stem in stemTerms.Keys)
            {
                terms.StemFrequency[stem]++;
            }

            counts[d] = new DocumentTerms(
                [.. stemTerms.Keys], [.. stemTerms.Values], [.. pairTerms.Keys], [.. pairTerms.Values.Select(v => v.Count)], [.. pairTerms.Values.Select(v => v.First)]);
            pairTotal += pairTerms.Count;
        }

        // The stem dictionary is not needed past this point; only the stems' order and frequency are.
        var (stemOrder, stemFrequency) = (terms.StemOrder, terms.StemFrequency);
        terms = null;
        var sharedPairs = SharedPairs(counts, pairTotal);
        var vectors = new TermVector[summaries.Count];
        var total = summaries.Count;
        var all = new List<(int Id, float Weight, bool Shared)>();
        for (var d = 0; d < total; d++)
        {
            all.Clear();
            var document = counts[d];
            for (var t = 0; t < document.Stems.Length; t++)
            {
                var stem = document.Stems[t];
                var frequency = stemFrequency[stem];
                all.Add((stemOrder[stem], Weight(document.StemCounts[t], frequency, total), frequency > 1));
            }

            for (var t = 0; t < document.Pairs.Length; t++)
            {
                var found = Array.BinarySearch(sharedPairs.Keys, document.Pairs[t]);
                all.Add(found >= 0
                    ? (sharedPairs.Order[found], Weight(document.PairCounts[t], sharedPairs.Frequency[found], total), true)
                    : (document.PairOrder[t], Weight(document.PairCounts[t], 1, total), false));
            }

            vectors[d] = TermVector.FromWeights(all, indexTerms);
            counts[d] = default;
        }

        return vectors;
    }

    private static float Weight(float count, int documentFrequency, int documents)
    {
        var idf = Math.Log((1.0 + documents) / (1.0 + documentFrequency)) + 1.0;
        return (float)((1 + Math.Log(count)) * idf);
    }

    /// <summary>The stem pairs found in more than one summary: sorted keys, how many summaries hold each, and where each first appeared.</summary>
    private static (long[] Keys, int[] Frequency, int[] Order) SharedPairs(DocumentTerms[] documents, int total)
    {
        var keys = new long[total];
        var first = new int[total];
        var at = 0;
        foreach (var document in documents)
        {
            document.Pairs.CopyTo(keys, at);
            document.PairOrder.CopyTo(first, at);
            at += document.Pairs.Length;
        }

        Array.Sort(keys, first);
        List<long> sharedKeys = [];
        List<int> frequency = [];
        List<int> order = [];
        for (var start = 0; start < total;)
        {
            var end = start + 1;
            var earliest = first[start];
            while (end < total && keys[end] == keys[start])
            {
                earliest = Math.Min(earliest, first[end++]);
            }

            if (end - start > 1)
            {
                sharedKeys.Add(keys[start]);
                frequency.Add(end - start);
                order.Add(earliest);
            }

            start = end;
        }

        return ([.. sharedKeys], [.. frequency], [.. order]);
    }

    /// <summary>The stems of the content words in <paramref name="text"/>, in order.</summary>
    public static List<string> ContentStems(string? text)
    {
        var stems = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return stems;
        }

        foreach (var word in Words.Tokenize(text))
        {
            // The summarizer's word cache: stop words have no stem, and each word is stemmed once per process.
            if ((word.Length > 1 || char.IsDigit(word[0])) && WordCache.Get(word).Info.Stem is { } stem)
            {
                stems.Add(stem);
            }
        }

        return stems;
    }

    private static void AddText(
        string? text, float weight, Dictionary<int, float> stemTerms, Dictionary<long, (float Count, int First)> pairTerms, TermIds ids)
    {
        var stems = ContentStems(text);
        var previous = -1;
        foreach (var stem in stems)
        {
            var id = ids.Of(stem);
            stemTerms[id] = stemTerms.GetValueOrDefault(id) + weight;
            if (previous >= 0)
            {
                var key = ((long)previous << 32) | (uint)id;
                var order = ids.NextOrder();
                pairTerms[key] = pairTerms.TryGetValue(key, out var seen)
                    ? (seen.Count + (weight * PairWeight), seen.First)
                    : (weight * PairWeight, order);
            }

            previous = id;
        }
    }

    /// <summary>One summary's raw term counts until IDF is known: stems by index, stem pairs by their two stem indexes.</summary>
    private readonly record struct DocumentTerms(int[] Stems, float[] StemCounts, long[] Pairs, float[] PairCounts, int[] PairOrder);

    /// <summary>
    /// Stem indexes, and the order in which terms (stems and stem pairs) first appear: a term's id is that order, so
    /// ties between equally heavy terms are broken the same way however the terms are stored.
    /// </summary>
    private sealed class TermIds
    {
        private readonly Dictionary<string, int> stems = new(StringComparer.Ordinal);
        private int order;

        /// <summary>By stem index: the stem's id.</summary>
        public List<int> StemOrder { get; } = [];

        /// <summary>By stem index: how many summaries hold the stem.</summary>
        public List<int> StemFrequency { get; } = [];

        public int NextOrder() => order++;

        /// <summary>The stem's index.</summary>
        public int Of(string stem)
        {
            var next = NextOrder();
            if (!stems.TryGetValue(stem, out var index))
            {
                stems[stem] = index = stems.Count;
                StemOrder.Add(next);
                StemFrequency.Add(0);
            }

            return index;
        }
    }
}
