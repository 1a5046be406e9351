using System.Text.Json;
using Digest.Summaries;

namespace Digest.Tests.Summaries;

public class EventTermsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 6, 0, 0, TimeSpan.Zero);

    private static readonly string[] MineRescue =
    [
        "Rescue crews pulled 14 miners from the Dunmore Ridge colliery on Tuesday after a roof collapse trapped them for two days.",
        "Mine safety director Olwen Pryce said the shaft had been inspected in March 2025. Crews worked through the night, and Olwen Pryce thanked them.",
        "The repairs will cost $3.5 million, the Dunmore Ridge operator said. Officials expect the colliery to reopen with 220 workers within a month.",
    ];

    private static Task<ArticleSummary> SummarizeAsync(int eventTerms = 16) =>
        new BuiltInSummarizer(new SummarizerOptions { EventTerms = eventTerms }, new Digest.Tests.TestSupport.ManualTime(Now))
            .SummarizeAsync(NewsArticles.WithParagraphs(MineRescue));

    [Fact]
    public async Task Summarize_Article_KeepsNamesAmountsAndYearsOfTheWholeText()
    {
        var summary = await SummarizeAsync();

        Assert.Contains("dunmore ridge", summary.EventTerms);
        Assert.Contains("olwen pryce", summary.EventTerms);
        Assert.Contains("14 miners", summary.EventTerms);
        Assert.Contains("$3.5 million", summary.EventTerms);
        Assert.Contains("220 workers", summary.EventTerms);
        Assert.Contains("2025", summary.EventTerms);
    }

    [Fact]
    public async Task Summarize_Article_LeavesOutSentenceOpeningsBareNumbersAndNumberWords()
    {
        var summary = await SummarizeAsync();

        // "Rescue", "Crews", "Officials" open sentences; "Mine" opens one and the name after it is kept alone.
        Assert.DoesNotContain("rescue", summary.EventTerms);
        Assert.DoesNotContain("crews", summary.EventTerms);
        Assert.DoesNotContain("officials", summary.EventTerms);
        Assert.DoesNotContain("mine", summary.EventTerms);
        Assert.DoesNotContain(summary.EventTerms, t => t.Contains("two", StringComparison.Ordinal));

        // A duration ("a month", "two days") tells no event apart.
        Assert.DoesNotContain(summary.EventTerms, t => t.Contains("month", StringComparison.Ordinal));
        Assert.All(summary.EventTerms, t => Assert.Equal(t.ToLowerInvariant(), t));
    }

    [Fact]
    public async Task Summarize_Article_PutsTheMostUsedNamesFirst()
    {
        var summary = await SummarizeAsync();

        // Both two-word names are used twice; the one used first leads.
        Assert.Equal(["dunmore ridge", "olwen pryce"], summary.EventTerms.Take(2));
    }

    [Fact]
    public async Task Summarize_SameArticleTwice_GivesTheSameEventTerms()
    {
        Assert.Equal((await SummarizeAsync()).EventTerms, (await SummarizeAsync()).EventTerms);
    }

    [Fact]
    public async Task Summarize_DefaultOptions_KeepNoEventTerms()
    {
        var summary = await new BuiltInSummarizer(new SummarizerOptions(), new Digest.Tests.TestSupport.ManualTime(Now))
            .SummarizeAsync(NewsArticles.WithParagraphs(MineRescue));

        Assert.Empty(summary.EventTerms);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public async Task Summarize_EventTermsOption_LimitsTheList(int count)
    {
        var summary = await SummarizeAsync(count);

        Assert.Equal(count, summary.EventTerms.Count);
    }

    [Fact]
    public void Summarize_EventTermsOptionOutOfRange_IsRejected()
    {
        Assert.Throws<System.ComponentModel.DataAnnotations.ValidationException>(() =>
            new BuiltInSummarizer(new SummarizerOptions { EventTerms = 65 }, new Digest.Tests.TestSupport.ManualTime(Now)));
    }

    [Fact]
    public void StoredRecord_WithoutEventTerms_ReadsWithNone()
    {
        const string stored = """{"article":"old.txt","contentHash":"ab12","sentences":["A stored summary."],"keyPhrases":[],"wordCount":3}""";

        var summary = JsonSerializer.Deserialize<ArticleSummary>(stored, DigestJson.Options)!;

        Assert.Empty(summary.EventTerms);
    }
}
