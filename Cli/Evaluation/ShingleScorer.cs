using System.Text.RegularExpressions;

namespace Digest.Articles.Evaluation;

/// <summary>
/// Scores an extracted article body against the human-marked body with the article-extraction benchmark metric:
/// <c>\w+</c> tokens (case kept), 4-token shingles counted as a multiset, and per-page true/false positive and false
/// negative counts normalised to sum to one so every page weighs the same.
/// </summary>
public static partial class ShingleScorer
{
    /// <summary>How many consecutive tokens make one shingle.</summary>
    public const int ShingleLength = 4;

    /// <summary>Scores one page: <paramref name="expected"/> is the true body, <paramref name="actual"/> the extracted one.</summary>
    public static PageScore Score(string expected, string actual)
    {
        var expectedShingles = Shingles(expected);
        var actualShingles = Shingles(actual);
        double truePositives = 0, falsePositives = 0, falseNegatives = 0;
        foreach (var (shingle, expectedCount) in expectedShingles)
        {
            var actualCount = actualShingles.GetValueOrDefault(shingle);
            truePositives += Math.Min(expectedCount, actualCount);
            falseNegatives += Math.Max(0, expectedCount - actualCount);
        }

        foreach (var (shingle, actualCount) in actualShingles)
        {
            falsePositives += Math.Max(0, actualCount - expectedShingles.GetValueOrDefault(shingle));
        }

        var total = truePositives + falsePositives + falseNegatives;
        if (total > 0)
        {
            truePositives /= total;
            falsePositives /= total;
            falseNegatives /= total;
        }

        return PageScore.FromCounts(truePositives, falsePositives, falseNegatives);
    }

    /// <summary>Averages precision and recall over pages; F1 is taken from the two means.</summary>
    public static BenchmarkScore Summarize(IReadOnlyCollection<PageScore> pages)
    {
        if (pages.Count == 0)
        {
            return new BenchmarkScore(0, 0, 0);
        }

        return new BenchmarkScore(pages.Count, pages.Average(p => p.Precision), pages.Average(p => p.Recall));
    }

    /// <summary>The shingle multiset of a text; a text of fewer than four tokens is one shingle, an empty one none.</summary>
    internal static Dictionary<string, int> Shingles(string text)
    {
        var tokens = Tokens().Matches(text).Select(m => m.Value).ToArray();
        var shingles = new Dictionary<string, int>(StringComparer.Ordinal);
        if (tokens.Length == 0)
        {
            return shingles;
        }

        var count = Math.Max(1, tokens.Length - ShingleLength + 1);
        for (var i = 0; i < count; i++)
        {
            var shingle = string.Join(' ', tokens, i, Math.Min(ShingleLength, tokens.Length - i));
            shingles[shingle] = shingles.GetValueOrDefault(shingle) + 1;
        }

        return shingles;
    }

    [GeneratedRegex(@"\w+")]
    private static partial Regex Tokens();
}
