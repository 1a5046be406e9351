using Digest.Language;
using Digest.Summaries;

namespace Digest.Tests.Summaries;

public class KeyPhrasesTests
{
    private static BuiltInSummarizer CreateSut(int keyPhrases = 5) =>
        new(new SummarizerOptions { KeyPhrases = keyPhrases }, TimeProvider.System);

    [Fact]
    public async Task Summarize_NewsArticle_KeyPhrasesNameWhatTheStoryIsAbout()
    {
        var summary = await CreateSut().SummarizeAsync(NewsArticles.FloodWall());

        Assert.Equal(5, summary.KeyPhrases.Count);
        Assert.Equal("flood wall", summary.KeyPhrases[0]);
        Assert.Contains("eastern waterfront", summary.KeyPhrases);
    }

    [Fact]
    public async Task Summarize_NewsArticle_KeyPhrasesKeepTheArticlesCasing()
    {
        var article = NewsArticles.FloodWall();
        var body = string.Join(" ", article.Paragraphs);

        var summary = await CreateSut(keyPhrases: 10).SummarizeAsync(article);

        Assert.Contains("Mayor Dana Brooks", summary.KeyPhrases);
        Assert.All(summary.KeyPhrases, phrase => Assert.Contains(phrase, body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Summarize_NewsArticle_NoTwoKeyPhrasesShareAStem()
    {
        var summary = await CreateSut(keyPhrases: 10).SummarizeAsync(NewsArticles.FloodWall());

        var stems = summary.KeyPhrases.SelectMany(phrase => Words.Tokenize(phrase).Select(Stemmer.Stem)).ToList();
        Assert.Equal(stems.Distinct(), stems);
    }

    [Fact]
    public async Task Summarize_NewsArticle_KeyPhrasesAreNeitherStopWordsNorNumbers()
    {
        var summary = await CreateSut(keyPhrases: 10).SummarizeAsync(NewsArticles.FloodWall());

        Assert.All(summary.KeyPhrases, phrase => Assert.All(
            Words.Tokenize(phrase),
            word => Assert.False(StopWords.Contains(word) || char.IsDigit(word[0]), $"'{word}' in '{phrase}'")));
    }

    [Fact]
    public async Task Summarize_KeyPhrasesOptionZero_GivesNone()
    {
        var summary = await CreateSut(keyPhrases: 0).SummarizeAsync(NewsArticles.FloodWall());

        Assert.Empty(summary.KeyPhrases);
    }
}
