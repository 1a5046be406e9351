using Digest.Briefings;
using Digest.Briefings.Grouping;
using static Digest.Tests.Briefings.SummaryBuilder;

namespace Digest.Tests.Briefings;

public class BriefingComposerTests
{
    private static readonly DateOnly Date = new(2026, 11, 20);

    private static BriefingComposer CreateSut() => new(new StoryGrouper(new GroupingOptions()), new StoryWriter());

    [Fact]
    public void Compose_ReportWithNoUsableSentence_IsSetAsideWithItsReasonNotShownAsAHeadline()
    {
        var notice = Summary("facebook-box.txt", "Harbor Times", "Join us on Facebook", 5,
            "Join us on Facebook Like us and you'll find top breaking news in your Facebook newsfeed.",
            "Click here to sign up for our newsletter and never miss a story...");

        var briefing = CreateSut().Compose(Date, [.. BrennportDay(), notice], []);

        Assert.DoesNotContain(briefing.Stories, s => s.Sources.Any(source => source.Article == "facebook-box.txt"));
        Assert.All(briefing.Stories, s => Assert.NotEmpty(s.Summary));
        var setAside = Assert.Single(briefing.Rejected);
        Assert.Equal("facebook-box.txt", setAside.Article);
        Assert.Equal(BriefingComposer.NoUsableSentence, setAside.Reason);
        Assert.Equal(3, briefing.Stories.Count);
    }

    [Fact]
    public void Compose_ExactDuplicateUploads_CountOnce()
    {
        var summaries = BrennportDay();
        var copy = summaries[0] with { Article = "budget-harbor-copy.txt", SummarizedAt = summaries[0].SummarizedAt.AddHours(1) };

        var briefing = CreateSut().Compose(Date, [.. summaries, copy], []);

        Assert.Equal(summaries.Length, briefing.ArticleCount);
        Assert.DoesNotContain(briefing.Stories.SelectMany(s => s.Sources), s => s.Article == "budget-harbor-copy.txt");
    }

    [Fact]
    public void Compose_StoriesRanked_MostCoveredFirst()
    {
        var briefing = CreateSut().Compose(Date, BrennportDay(), []);

        Assert.Equal(3, briefing.Stories.Count);
        Assert.Equal("storm-wire.txt", Assert.Single(briefing.Stories[^1].Sources).Article);
        Assert.All(briefing.Stories.Take(2), s => Assert.Equal(2, s.Sources.Count));
        // Equal coverage: the more recent story (the chief's resignation, 03:00-04:00) comes first.
        Assert.Contains("chief", briefing.Stories[0].Headline, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Compose_MultiSourceStory_HeadlineIsOneOfTheTitles()
    {
        var summaries = BrennportDay();

        var briefing = CreateSut().Compose(Date, summaries, []);

        Assert.All(briefing.Stories, story => Assert.Contains(story.Headline, summaries.Select(s => s.Title)));
    }

    [Fact]
    public void Compose_MultiSourceStory_DrawsSentencesAcrossSourcesWithoutRepeatingAFact()
    {
        var briefing = CreateSut().Compose(Date, BrennportDay(), []);
        var budget = briefing.Stories.Single(s => s.Sources.Any(src => src.Article == "budget-harbor.txt"));

        Assert.InRange(budget.Summary.Count, 2, 4);
        // Both outlets lead with the 7-2 approval of the $48 million budget: it must be told once.
        Assert.Single(budget.Summary, s => s.Contains("7-2", StringComparison.Ordinal));
        Assert.Equal(budget.Summary.Count, budget.Summary.Distinct().Count());
        var all = BrennportDay().Where(s => s.Article.StartsWith("budget", StringComparison.Ordinal)).SelectMany(s => s.Sentences);
        Assert.All(budget.Summary, sentence => Assert.Contains(sentence, all));
    }

    [Fact]
    public void Compose_RejectedArticles_AreReportedInTheBriefing()
    {
        var briefing = CreateSut().Compose(Date, BrennportDay(), [new RejectedArticle("empty.txt", "the file is empty")]);

        var rejected = Assert.Single(briefing.Rejected);
        Assert.Equal("empty.txt", rejected.Article);
        Assert.Equal("the file is empty", rejected.Reason);
    }

    [Fact]
    public void Compose_SameInputTwice_GivesIdenticalBriefing()
    {
        var first = System.Text.Json.JsonSerializer.Serialize(CreateSut().Compose(Date, BrennportDay(), []), DigestJson.Options);
        var second = System.Text.Json.JsonSerializer.Serialize(CreateSut().Compose(Date, BrennportDay().Reverse(), []), DigestJson.Options);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Compose_Json_MatchesThePublicContract()
    {
        var briefing = CreateSut().Compose(Date, BrennportDay(), [new RejectedArticle("x.docx", "unsupported")]);

        using var json = System.Text.Json.JsonDocument.Parse(System.Text.Json.JsonSerializer.Serialize(briefing, DigestJson.Options));
        var root = json.RootElement;
        Assert.Equal("2026-11-20", root.GetProperty("date").GetString());
        Assert.Equal(5, root.GetProperty("articleCount").GetInt32());
        var story = root.GetProperty("stories")[0];
        Assert.Equal(System.Text.Json.JsonValueKind.String, story.GetProperty("headline").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Array, story.GetProperty("summary").ValueKind);
        var source = story.GetProperty("sources")[0];
        foreach (var field in new[] { "article", "outlet", "title", "url" })
        {
            Assert.Equal(System.Text.Json.JsonValueKind.String, source.GetProperty(field).ValueKind);
        }

        Assert.Equal("x.docx", root.GetProperty("rejected")[0].GetProperty("article").GetString());
        Assert.Equal("unsupported", root.GetProperty("rejected")[0].GetProperty("reason").GetString());
    }
}
