namespace Digest.Articles.Evaluation;

/// <summary>Precision and recall of one extracted page against its true body.</summary>
public sealed record PageScore(double Precision, double Recall)
{
    /// <summary>The harmonic mean of precision and recall (0 when both are 0).</summary>
    public double F1 => Harmonic(Precision, Recall);

    /// <summary>
    /// Builds the score from (normalised) counts: a page with nothing missing and nothing extra scores 1/1; a page
    /// with no true positives and no false positives has precision 0, and likewise for recall.
    /// </summary>
    public static PageScore FromCounts(double truePositives, double falsePositives, double falseNegatives)
    {
        if (falsePositives == 0 && falseNegatives == 0)
        {
            return new PageScore(1, 1);
        }

        var precision = truePositives + falsePositives > 0 ? truePositives / (truePositives + falsePositives) : 0;
        var recall = truePositives + falseNegatives > 0 ? truePositives / (truePositives + falseNegatives) : 0;
        return new PageScore(precision, recall);
    }

    internal static double Harmonic(double a, double b) => a + b > 0 ? 2 * a * b / (a + b) : 0;
}
