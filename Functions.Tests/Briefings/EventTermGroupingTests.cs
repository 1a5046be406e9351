using Digest.Briefings.Grouping;
using Digest.Summaries;
using static Digest.Tests.Briefings.SummaryBuilder;

namespace Digest.Tests.Briefings;

/// <summary>Grouping with the event terms (names, amounts, years) each summary record keeps from its whole article.</summary>
public class EventTermGroupingTests
{
    // One mine rescue told in two ways: the summaries share hardly a word, the articles share their people, place and figures.
    private static readonly string[] RescueTerms =
        ["dunmore ridge", "olwen pryce", "14 miners", "$3.5 million", "calder valley", "ewan morgan", "2026"];

    private static ArticleSummary RescueLead(IReadOnlyList<string> terms) =>
        Summary("rescue-lead.txt", "Valley Ledger", "Fourteen trapped miners brought out alive", 1,
            "Fourteen men spent two nights underground before rescuers reached them.",
            "Families cheered as the last stretcher came up at dawn.") with { EventTerms = terms };

    private static ArticleSummary RescueCost(IReadOnlyList<string> terms) =>
        Summary("rescue-cost.txt", "Metro Wire", "Colliery owner faces repair bill after collapse", 3,
            "The operator must shore up the collapsed gallery before any shift returns.",
            "Inspectors will examine every support beam next week.") with { EventTerms = terms };

    private static string[][] GroupNames(params ArticleSummary[] summaries) =>
        new StoryGrouper(new GroupingOptions()).Group(summaries)
            .Select(g => g.Select(i => summaries[i].Article).Order(StringComparer.Ordinal).ToArray())
            .OrderBy(g => g[0], StringComparer.Ordinal)
            .ToArray();

    [Fact]
    public void Group_OneEventToldInDifferentWords_JoinsOnSharedNamesAndFigures()
    {
        var groups = GroupNames(RescueLead(RescueTerms), RescueCost([.. RescueTerms.Reverse(), "inspectorate"]));

        Assert.Equal([["rescue-cost.txt", "rescue-lead.txt"]], groups);
    }

    [Fact]
    public void Group_SameReportsStoredWithoutEventTerms_StayApart()
    {
        // Records stored before event terms were kept group on their summaries alone, as before.
        var groups = GroupNames(RescueLead([]), RescueCost([]));

        Assert.Equal(2, groups.Length);
    }

    [Fact]
    public void Group_SameTopicDifferentEvents_SharingOnlyTopicNames_StayApart()
    {
        // Two missile tests a month apart (no published time to tell them apart): the country, its ministry and the sea
        // are the topic; the figures and the sites differ.
        var first = Summary("test-march.txt", "Valley Ledger", "Karsovia fires missile over strait", 1,
            "A medium-range missile flew 900 kilometres before falling into the sea.",
            "Neighbours called an emergency meeting.") with
        {
            PublishedAt = null,
            EventTerms = ["karsovia", "defence ministry", "pellan sea", "900 kilometres", "ostrava launch site", "march"],
        };
        var second = Summary("test-april.txt", "Metro Wire", "Rocket launch fails minutes after lift-off", 2,
            "The rocket broke apart shortly after leaving its pad, officials said.",
            "Debris was seen over the coast.") with
        {
            PublishedAt = null,
            EventTerms = ["karsovia", "defence ministry", "pellan sea", "3 minutes", "tarnow pad", "april"],
        };

        var groups = GroupNames(first, second);

        Assert.Equal(2, groups.Length);
    }

    [Fact]
    public void Group_FewSharedRareTerms_DoNotLink()
    {
        // Two shared names are what two reports on one topic often share; they are below the evidence floor.
        var groups = GroupNames(RescueLead(RescueTerms[..2]), RescueCost(RescueTerms[..2]));

        Assert.Equal(2, groups.Length);
    }

    [Fact]
    public void Group_EventTermWeightZero_NeverLinksOnEventTerms()
    {
        var summaries = new[] { RescueLead(RescueTerms), RescueCost(RescueTerms) };

        var groups = new StoryGrouper(new GroupingOptions { EventTermWeight = 0 }).Group(summaries);

        Assert.Equal(2, groups.Count);
    }
}
