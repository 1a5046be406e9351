using Digest.Language;
using Digest.Summaries;

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
        var dictionary = new Dictionary<string, int>(StringComparer.Ordinal);
        var counts = new Dictionary<int, float>[summaries.Count];
        var documentFrequency = new List<int>();
        for (var d = 0; d < summaries.Count; d++)
        {
            var terms = new Dictionary<int, float>();
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

            counts[d] = terms;
        }

        var vectors = new TermVector[summaries.Count];
        var total = summaries.Count;
        for (var d = 0; d < total; d++)
        {
            var weighted = new Dictionary<int, float>(counts[d].Count);
            foreach (var (id, count) in counts[d])
            {
                var idf = Math.Log((1.0 + total) / (1.0 + documentFrequency[id])) + 1.0;
                weighted[id] = (float)((1 + Math.Log(count)) * idf);
            }

            vectors[d] = TermVector.FromWeights(weighted);
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
            if ((word.Length > 1 || char.IsDigit(word[0])) && !StopWords.Contains(word))
            {
                stems.Add(Stemmer.Stem(word));
            }
        }

        return stems;
    }

    private static void AddText(string? text, float weight, Dictionary<int, float> terms, Dictionary<string, int> dictionary)
    {
        var stems = ContentStems(text);
        for (var i = 0; i < stems.Count; i++)
        {
            Add(stems[i], weight, terms, dictionary);
            if (i > 0)
            {
                Add(stems[i - 1] + " " + stems[i], weight * PairWeight, terms, dictionary);
            }
        }
    }

    private static void Add(string term, float weight, Dictionary<int, float> terms, Dictionary<string, int> dictionary)
    {
        if (!dictionary.TryGetValue(term, out var id))
        {
            id = dictionary.Count;
            dictionary[term] = id;
        }

        terms[id] = terms.GetValueOrDefault(id) + weight;
    }
}
