using System.ComponentModel.DataAnnotations;
using Digest.Articles;
using Digest.Language;
using Digest.Summaries;

namespace Digest.Tests.Summaries;

public class BuiltInSummarizerTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 5, 6, 0, 0, TimeSpan.Zero);

    private static BuiltInSummarizer CreateSut(int sentences = 3, int keyPhrases = 5) =>
        new(new SummarizerOptions { Sentences = sentences, KeyPhrases = keyPhrases }, new Digest.Tests.TestSupport.ManualTime(Now));

    [Fact]
    public async Task Summarize_NewsArticle_PicksTheLeadAndCentralSentences()
    {
        var summary = await CreateSut().SummarizeAsync(NewsArticles.FloodWall());

        Assert.Equal(3, summary.Sentences.Count);
        Assert.Equal(NewsArticles.Lead, summary.Sentences[0]);
        Assert.All(summary.Sentences, sentence => Assert.Contains(sentence, string.Join(" ", NewsArticles.FloodWall().Paragraphs)));
        Assert.Contains(summary.Sentences, s => s.StartsWith("The wall, which will stretch 4.5 miles", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Summarize_LeadWithDateline_DropsTheDateline()
    {
        var summary = await CreateSut(sentences: 1).SummarizeAsync(NewsArticles.FloodWall());

        Assert.Equal([NewsArticles.Lead], summary.Sentences);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(6)]
    public async Task Summarize_SentencesOption_ReturnsThatManySentences(int sentences)
    {
        var summary = await CreateSut(sentences).SummarizeAsync(NewsArticles.FloodWall());

        Assert.Equal(sentences, summary.Sentences.Count);
    }

    [Fact]
    public async Task Summarize_ManySentences_KeepsArticleOrder()
    {
        var article = NewsArticles.FloodWall();
        var body = string.Join(" ", article.Paragraphs);

        var summary = await CreateSut(sentences: 8).SummarizeAsync(article);

        var positions = summary.Sentences.Select(s => body.IndexOf(s, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public async Task Summarize_SameArticleTwice_GivesTheSameSummary()
    {
        var first = await CreateSut(sentences: 4).SummarizeAsync(NewsArticles.FloodWall());
        var second = await CreateSut(sentences: 4).SummarizeAsync(NewsArticles.FloodWall());

        Assert.Equal(first, second with { Sentences = first.Sentences, KeyPhrases = first.KeyPhrases, EventTerms = first.EventTerms });
        Assert.Equal(first.Sentences, second.Sentences);
        Assert.Equal(first.KeyPhrases, second.KeyPhrases);
        Assert.Equal(first.EventTerms, second.EventTerms);
    }

    [Fact]
    public async Task Summarize_KeyFactRestatedInNearlyTheSameWords_IncludesItOnce()
    {
        var summary = await CreateSut(sentences: 10).SummarizeAsync(NewsArticles.FloodWall());

        Assert.Contains(NewsArticles.Lead, summary.Sentences);
        Assert.DoesNotContain(NewsArticles.Restated, summary.Sentences);
    }

    [Fact]
    public async Task Summarize_BoilerplateLeftInTheBody_IsNeverChosen()
    {
        var summary = await CreateSut(sentences: 10).SummarizeAsync(NewsArticles.FloodWall());

        foreach (var furniture in NewsArticles.Furniture)
        {
            Assert.DoesNotContain(summary.Sentences, s => furniture.Contains(s, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Summarize_ArticleShorterThanTheSummary_ReturnsEveryUsableSentence()
    {
        var article = NewsArticles.WithParagraphs(
            "By Li Wei",
            "The county closed three bridges on Friday after the river rose above flood stage.",
            "Officials said the bridges would reopen once engineers had inspected them.");

        var summary = await CreateSut(sentences: 3).SummarizeAsync(article);

        Assert.Equal(
            ["The county closed three bridges on Friday after the river rose above flood stage.", "Officials said the bridges would reopen once engineers had inspected them."],
            summary.Sentences);
    }

    [Fact]
    public async Task Summarize_OnlyFragmentsAndFurniture_IsRejectedAsNoUsableSentences()
    {
        var article = NewsArticles.WithParagraphs(
            "By Ana Ruiz | Harbor Times",
            "BREAKING NEWS: COUNCIL VOTES ON FLOOD WALL",
            "Photo: Reuters",
            "What does this mean for you?",
            "Flood wall approved.",
            "Read more: Five things to know about the flood wall");

        var error = await Assert.ThrowsAsync<ArticleRejectedException>(() => CreateSut().SummarizeAsync(article));

        Assert.Equal(RejectionCode.NoUsableSentences, error.Code);
        Assert.Equal("short.txt", error.Article);
    }

    [Fact]
    public async Task Summarize_NoParagraphs_IsRejectedAsNoUsableSentences()
    {
        var error = await Assert.ThrowsAsync<ArticleRejectedException>(() => CreateSut().SummarizeAsync(NewsArticles.WithParagraphs()));

        Assert.Equal(RejectionCode.NoUsableSentences, error.Code);
    }

    [Fact]
    public async Task Summarize_Article_CopiesMetadataAndRecordsProviderTimeAndWordCount()
    {
        var article = NewsArticles.FloodWall("uploads/flood-wall.txt");

        var summary = await CreateSut().SummarizeAsync(article);

        Assert.Equal("uploads/flood-wall.txt", summary.Article);
        Assert.Equal(article.Title, summary.Title);
        Assert.Equal(article.Outlet, summary.Outlet);
        Assert.Equal(article.Url, summary.Url);
        Assert.Equal(article.PublishedAt, summary.PublishedAt);
        Assert.Equal(article.ContentHash, summary.ContentHash);
        Assert.Equal("builtin", summary.Provider);
        Assert.Equal(Now, summary.SummarizedAt);
        Assert.Equal(article.Paragraphs.Sum(Words.Count), summary.WordCount);
    }

    [Fact]
    public async Task Summarize_ShortArticle_CountsBodyWords()
    {
        var article = NewsArticles.WithParagraphs("The state-owned bank lost $1.2 billion last year, officials said.", "Its chief executive resigned.");

        var summary = await CreateSut().SummarizeAsync(article);

        Assert.Equal(14, summary.WordCount);
    }

    [Fact]
    public async Task Summarize_CancelledToken_Throws()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CreateSut().SummarizeAsync(NewsArticles.FloodWall(), cancellation.Token));
    }

    [Theory]
    [InlineData(0, 5)]
    [InlineData(11, 5)]
    [InlineData(3, -1)]
    [InlineData(3, 21)]
    public void Create_OptionOutOfRange_IsRefused(int sentences, int keyPhrases)
    {
        var options = new SummarizerOptions { Sentences = sentences, KeyPhrases = keyPhrases };

        Assert.Throws<ValidationException>(() => new BuiltInSummarizer(options, new Digest.Tests.TestSupport.ManualTime(Now)));
    }

    public static TheoryData<string> ChineseAndJapanese => ["zh", "ja"];

    [Theory]
    [MemberData(nameof(ChineseAndJapanese))]
    public async Task Summarize_ChineseOrJapaneseArticle_PicksWholeSentencesOfIt(string language)
    {
        var article = language == "zh" ? NewsArticles.Chinese() : NewsArticles.Japanese();
        var sentences = article.Paragraphs.SelectMany(SentenceSplitter.Split).ToList();

        var summary = await CreateSut().SummarizeAsync(article);

        Assert.Equal(3, summary.Sentences.Count);
        Assert.All(summary.Sentences, s => Assert.Contains(s, sentences));
        Assert.Equal(sentences[0], summary.Sentences[0]);
        Assert.Equal(article.Paragraphs.Sum(p => p.Count(c => c is >= '\u3040' and <= '\u9FFF')), summary.WordCount);
    }

    [Theory]
    [InlineData("议会批准了计划。", 7)]
    [InlineData("The council 批准 it.", 5)]
    [InlineData("市長は「工事」と述べた。", 9)]
    public void CountWords_ChineseOrJapanese_CountsEachCharacter(string text, int expected)
    {
        Assert.Equal(expected, Words.Count(text));
    }
}
