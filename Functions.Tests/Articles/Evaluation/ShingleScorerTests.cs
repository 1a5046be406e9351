using Digest.Articles.Evaluation;

namespace Digest.Tests.Articles.Evaluation;

public class ShingleScorerTests
{
    [Fact]
    public void Score_IdenticalTexts_IsPerfect()
    {
        var score = ShingleScorer.Score("The council voted on Monday to close the bridge.", "The council voted on Monday to close the bridge.");

        Assert.Equal(new PageScore(1, 1), score);
    }

    [Fact]
    public void Score_OneShingleDiffers_CountsTruePositivesAndErrors()
    {
        // true: abcd bcde cdef; predicted: abcd bcde cdex -> tp 2, fp 1, fn 1.
        var score = ShingleScorer.Score("a b c d e f", "a b c d e x");

        Assert.Equal(2.0 / 3, score.Precision, 9);
        Assert.Equal(2.0 / 3, score.Recall, 9);
        Assert.Equal(2.0 / 3, score.F1, 9);
    }

    [Fact]
    public void Score_ExtraTextPredicted_LowersOnlyPrecision()
    {
        // true: abcd; predicted: abcd bcde -> tp 1, fp 1, fn 0.
        var score = ShingleScorer.Score("a b c d", "a b c d e");

        Assert.Equal(0.5, score.Precision, 9);
        Assert.Equal(1, score.Recall, 9);
    }

    [Fact]
    public void Score_RepeatedShingles_CountedAsMultiset()
    {
        // true: abcd x2, bcda, cdab, dabc; predicted: abcd -> tp 1, fp 0, fn 4.
        var score = ShingleScorer.Score("a b c d a b c d", "a b c d");

        Assert.Equal(1, score.Precision, 9);
        Assert.Equal(0.2, score.Recall, 9);
    }

    [Fact]
    public void Score_CaseDiffers_NoMatch()
    {
        var score = ShingleScorer.Score("Alpha beta gamma delta", "alpha beta gamma delta");

        Assert.Equal(new PageScore(0, 0), score);
    }

    [Fact]
    public void Score_PunctuationAndSpacingDiffer_Ignored()
    {
        var score = ShingleScorer.Score("Hello, world!  It's   fine.", "Hello world\n\nIt s fine");

        Assert.Equal(new PageScore(1, 1), score);
    }

    [Fact]
    public void Score_TextShorterThanFourTokens_IsOneShingle()
    {
        Assert.Equal(new PageScore(1, 1), ShingleScorer.Score("Brexit talks stall", "Brexit talks stall"));
        Assert.Equal(new PageScore(0, 0), ShingleScorer.Score("Brexit talks stall", "Brexit talks"));
    }

    [Fact]
    public void Score_NothingExtracted_ZeroPrecisionAndRecall()
    {
        Assert.Equal(new PageScore(0, 0), ShingleScorer.Score("The bridge will close in May.", ""));
    }

    [Fact]
    public void Score_BothEmpty_IsPerfect()
    {
        Assert.Equal(new PageScore(1, 1), ShingleScorer.Score("", " ... "));
    }

    [Fact]
    public void Shingles_UnicodeWords_KeptAsTokens()
    {
        var shingles = ShingleScorer.Shingles("Café naïve 東京 Zürich über");

        Assert.Equal(["Café naïve 東京 Zürich", "naïve 東京 Zürich über"], shingles.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Summarize_TwoPages_F1OfMeanPrecisionAndRecall()
    {
        var summary = ShingleScorer.Summarize([new PageScore(1, 0), new PageScore(0.5, 1)]);

        Assert.Equal(2, summary.Pages);
        Assert.Equal(0.75, summary.Precision, 9);
        Assert.Equal(0.5, summary.Recall, 9);
        Assert.Equal(0.6, summary.F1, 9);
    }

    [Fact]
    public void Summarize_NoPages_ScoresZero()
    {
        var summary = ShingleScorer.Summarize([]);

        Assert.Equal(new BenchmarkScore(0, 0, 0), summary);
        Assert.Equal(0, summary.F1);
    }
}
