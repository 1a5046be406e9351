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

    public static TermVector[] Vectorize(IReadOnlyList<ArticleSummary> summaries)
    {
        var dictionary = new TermIds();
        var counts = new (int[] Ids, float[] Counts)[summaries.Count];
        var documentFrequency = new List<int>();
        var terms = new Dictionary<int, float>();
        for (var d = 0; d < summaries.Count; d++)
        {
            terms.Clear();
            var summary = summaries[d];
            AddText(summary.Title, TitleWeight, terms, dictionary);
            foreach (var sentence in summary.Sentences)
            {
                AddText(sentence, 1f, terms, dictionary);
            }

            foreach (var phrase in summary.KeyPhrases)
            {
                AddText(phrase, 1f, terms, dictionary);
            }

            foreach (var id in terms.Keys)
            {
                while (documentFrequency.Count <= id)
                {
                    documentFrequency.Add(0);
                }

                documentFrequency[id]++;
            }

            // Kept as two arrays until IDF is known: a dictionary per article would cost several times the memory.
            counts[d] = (terms.Keys.ToArray(), terms.Values.ToArray());
        }

        var vectors = new TermVector[summaries.Count];
        var total = summaries.Count;
        var weighted = new Dictionary<int, float>();
        for (var d = 0; d < total; d++)
        {
            weighted.Clear();
            var (ids, termCounts) = counts[d];
            for (var t = 0; t < ids.Length; t++)
            {
                var idf = Math.Log((1.0 + total) / (1.0 + documentFrequency[ids[t]])) + 1.0;
                weighted[ids[t]] = (float)((1 + Math.Log(termCounts[t])) * idf);
            }

            vectors[d] = TermVector.FromWeights(weighted);
            counts[d] = default;
        }

        return vectors;
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

    private static void AddText(string? text, float weight, Dictionary<int, float> terms, TermIds ids)
    {
        var stems = ContentStems(text);
        var previous = -1;
        foreach (var stem in stems)
        {
            var id = ids.Of(stem);
            terms[id] = terms.GetValueOrDefault(id) + weight;
            if (previous >= 0)
            {
                var pair = ids.OfPair(previous, id);
                terms[pair] = terms.GetValueOrDefault(pair) + (weight * PairWeight);
            }

            previous = id;
        }
    }

    /// <summary>Term ids for stems and for adjacent stem pairs (keyed by the two ids, so no pair string is ever built).</summary>
    private sealed class TermIds
    {
        private readonly Dictionary<string, int> stems = new(StringComparer.Ordinal);
        private readonly Dictionary<(int, int), int> pairs = [];

        private int Next => stems.Count + pairs.Count;

        public int Of(string stem)
        {
            if (!stems.TryGetValue(stem, out var id))
            {
                stems[stem] = id = Next;
            }

            return id;
        }

        public int OfPair(int first, int second)
        {
            if (!pairs.TryGetValue((first, second), out var id))
            {
                pairs[(first, second)] = id = Next;
            }

            return id;
        }
    }
}
