namespace Digest.Summaries.Ranking;

/// <summary>
/// Picks summary sentences by maximal marginal relevance: each pick trades the sentence's score against its
/// similarity to the sentences already picked, and a sentence too similar to one already picked is never taken,
/// so no two summary sentences say the same thing.
/// </summary>
internal static class SummarySelection
{
    /// <summary>Weight of relevance against novelty in each pick.</summary>
    public const double Lambda = 0.7;

    /// <summary>Cosine similarity at or above which a sentence repeats one already picked.</summary>
    public const double RedundantAt = 0.5;

    /// <summary>
    /// Up to <paramref name="count"/> positions into <paramref name="scores"/>, in ascending order (article order).
    /// Ties go to the earlier sentence, so the result is the same on every run.
    /// </summary>
    public static int[] Select(double[] scores, double[] similarity, int count)
    {
        var n = scores.Length;
        var top = 0.0;
        foreach (var score in scores)
        {
            top = Math.Max(top, score);
        }

        var picked = new List<int>(count);
        var maxSimilarity = new double[n];
        var taken = new bool[n];
        while (picked.Count < count)
        {
            var best = -1;
            var bestValue = double.NegativeInfinity;
            for (var i = 0; i < n; i++)
            {
                if (taken[i] || maxSimilarity[i] >= RedundantAt)
                {
                    continue;
                }

                var relevance = top > 0 ? scores[i] / top : 0;
                var value = (Lambda * relevance) - ((1 - Lambda) * maxSimilarity[i]);
                if (value > bestValue)
                {
                    best = i;
                    bestValue = value;
                }
            }

            if (best < 0)
            {
                break;
            }

            taken[best] = true;
            picked.Add(best);
            for (var i = 0; i < n; i++)
            {
                maxSimilarity[i] = Math.Max(maxSimilarity[i], similarity[(best * n) + i]);
            }
        }

        picked.Sort();
        return [.. picked];
    }
}
