using Digest.Briefings.Grouping;
using static Digest.Tests.Briefings.SummaryBuilder;

namespace Digest.Tests.Briefings;

public class StoryGrouperTests
{
    private static StoryGrouper CreateSut() => new(new GroupingOptions());

    private static string[][] GroupNames(params Digest.Summaries.ArticleSummary[] summaries) =>
        CreateSut().Group(summaries)
            .Select(g => g.Select(i => summaries[i].Article).Order(StringComparer.Ordinal).ToArray())
            .OrderBy(g => g[0], StringComparer.Ordinal)
            .ToArray();

    [Fact]
    public void Group_SameEventFromDifferentOutlets_BecomesOneStory()
    {
        var groups = GroupNames(BrennportDay());

        Assert.Contains(groups, g => g.SequenceEqual(["budget-harbor.txt", "budget-ledger.md"]));
        Assert.Contains(groups, g => g.SequenceEqual(["chief-harbor.html", "chief-wire.json"]));
    }

    [Fact]
    public void Group_DifferentEventsSharingPeopleAndPlace_StayApart()
    {
        var groups = GroupNames(BrennportDay());

        Assert.DoesNotContain(groups, g => g.Contains("budget-harbor.txt") && g.Contains("chief-harbor.html"));
        Assert.Equal(3, groups.Length);
    }

    [Fact]
    public void Group_UnrelatedSingleArticle_IsItsOwnStory()
    {
        var groups = GroupNames(BrennportDay());

        Assert.Contains(groups, g => g.SequenceEqual(["storm-wire.txt"]));
    }

    [Fact]
    public void Group_InputOrderShuffled_GivesSameStories()
    {
        var summaries = BrennportDay();
        var reversed = summaries.Reverse().ToArray();

        Assert.Equal(GroupNames(summaries), GroupNames(reversed));
    }

    [Fact]
    public void Group_NoSummaries_ReturnsNoStories()
    {
        Assert.Empty(CreateSut().Group([]));
    }

    [Fact]
    public void Group_ManyDistinctEvents_EachPairOfReportsStaysTogether()
    {
        // 300 synthetic events, each reported by two outlets with different wording and its own vocabulary.
        var random = new Random(7);
        var summaries = new List<Digest.Summaries.ArticleSummary>();
        for (var e = 0; e < 300; e++)
        {
            var place = $"Town{e}";
            var topic = $"topic{e}word";
            var person = $"Person{e}";
            summaries.Add(Summary($"e{e}-a", "Outlet A", $"{place} {topic} decision announced", random.Next(0, 20),
                $"{person} announced the {topic} decision in {place} on Wednesday after weeks of talks.",
                $"The {topic} plan will cost {e + 10} million dollars, {person} said."));
            summaries.Add(Summary($"e{e}-b", "Outlet B", $"{person} unveils {topic} plan for {place}", random.Next(0, 20),
                $"In {place}, {person} unveiled a {topic} plan worth {e + 10} million dollars.",
                $"Residents of {place} will see the {topic} changes next spring."));
        }

        var groups = CreateSut().Group(summaries);

        Assert.Equal(300, groups.Count);
        Assert.All(groups, g => Assert.Single(g.Select(i => summaries[i].Article.Split('-')[0]).Distinct()));
    }
}

public class StoryGrouperArrivalOrderTests
{
    private static readonly string Articles = Path.Combine(AppContext.BaseDirectory, "samples", "articles");

    private static async Task<Digest.Summaries.ArticleSummary> SummarizeAsync(string file)
    {
        var reader = new Digest.Articles.ArticleReader(new Digest.Articles.IntakeOptions());
        var summarizer = new Digest.Summaries.BuiltInSummarizer(new Digest.Summaries.SummarizerOptions(), TimeProvider.System);
        return await summarizer.SummarizeAsync(reader.Read(file, await File.ReadAllBytesAsync(Path.Combine(Articles, file))));
    }

    public static TheoryData<int[]> Orders() => [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]];

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task Group_ReportsOfOneEventInAnyArrivalOrder_AreOneStory(int[] order)
    {
        string[] storm = ["kessing-bay-storm-coastline-daily.html", "kessing-bay-storm-harbor-times.md", "kessing-bay-storm-ridgeline-post.txt"];
        var day = new DateTimeOffset(2026, 11, 20, 6, 0, 0, TimeSpan.Zero);
        var summaries = new List<Digest.Summaries.ArticleSummary>();
        for (var i = 0; i < storm.Length; i++)
        {
            summaries.Add((await SummarizeAsync(storm[i])) with { PublishedAt = day.AddHours(order[i]), SummarizedAt = day.AddHours(order[i]) });
        }

        summaries.Add(await SummarizeAsync("coastal-cup-final-harbor-times.html"));

        var groups = new StoryGrouper(new GroupingOptions()).Group(summaries);

        Assert.Equal(2, groups.Count);
        Assert.Contains(groups, g => g.Order().SequenceEqual([0, 1, 2]));
    }
}
