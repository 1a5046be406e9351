namespace Digest.Articles.Evaluation;

/// <summary>Mean precision and recall over a set of pages and the F1 of those means.</summary>
public sealed record BenchmarkScore(int Pages, double Precision, double Recall)
{
    /// <summary>F1 of the mean precision and mean recall.</summary>
    public double F1 => PageScore.Harmonic(Precision, Recall);
}
