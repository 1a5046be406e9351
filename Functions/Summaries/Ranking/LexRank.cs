namespace Digest.Summaries.Ranking;

/// <summary>
/// Continuous LexRank (Erkan and Radev, 2004): a sentence is central when it is similar to many sentences that are
/// themselves central. The stationary distribution of a random walk over the similarity graph, found by power
/// iteration.
/// </summary>
internal static class LexRank
{
    /// <summary>Probability of following a graph edge rather than jumping to a random sentence.</summary>
    public const double Damping = 0.85;

    /// <summary>The walk has settled when no score moves by more than this in total (L1).</summary>
    public const double Tolerance = 1e-6;

    /// <summary>The most iterations run, whether or not the walk has settled.</summary>
    public const int MaxIterations = 100;

    /// <summary>
    /// Centrality of each of the <c>n</c> sentences whose similarities are in the row-major <c>n × n</c>
    /// <paramref name="similarity"/> matrix. Scores sum to <c>n</c>, so 1 is average.
    /// </summary>
    public static double[] Centrality(double[] similarity, int n)
    {
        var scores = new double[n];
        if (n == 0)
        {
            return scores;
        }

        var transition = RowNormalised(similarity, n);
        Array.Fill(scores, 1.0 / n);
        var next = new double[n];
        var jump = (1 - Damping) / n;
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            Array.Fill(next, jump);
            for (var i = 0; i < n; i++)
            {
                var share = Damping * scores[i];
                var row = i * n;
                for (var j = 0; j < n; j++)
                {
                    next[j] += share * transition[row + j];
                }
            }

            var change = 0.0;
            for (var i = 0; i < n; i++)
            {
                change += Math.Abs(next[i] - scores[i]);
            }

            (scores, next) = (next, scores);
            if (change < Tolerance)
            {
                break;
            }
        }

        for (var i = 0; i < n; i++)
        {
            scores[i] *= n;
        }

        return scores;
    }

    /// <summary>Each row scaled to sum to 1; a sentence similar to none spreads its weight evenly.</summary>
    private static double[] RowNormalised(double[] similarity, int n)
    {
        var transition = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            var row = i * n;
            var sum = 0.0;
            for (var j = 0; j < n; j++)
            {
                sum += similarity[row + j];
            }

            for (var j = 0; j < n; j++)
            {
                transition[row + j] = sum > 0 ? similarity[row + j] / sum : 1.0 / n;
            }
        }

        return transition;
    }
}
