using System.Numerics;

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
                AddScaled(next, transition.AsSpan(i * n, n), Damping * scores[i]);
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

    /// <summary><c>target += factor × row</c>, element by element (vectorised; each element is computed the same way either path).</summary>
    private static void AddScaled(Span<double> target, ReadOnlySpan<double> row, double factor)
    {
        var j = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var scale = new Vector<double>(factor);
            for (; j <= row.Length - Vector<double>.Count; j += Vector<double>.Count)
            {
                (new Vector<double>(target[j..]) + (scale * new Vector<double>(row[j..]))).CopyTo(target[j..]);
            }
        }

        for (; j < row.Length; j++)
        {
            target[j] += factor * row[j];
        }
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
