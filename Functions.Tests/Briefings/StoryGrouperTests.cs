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
