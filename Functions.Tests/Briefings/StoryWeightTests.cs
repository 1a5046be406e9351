using Digest.Briefings;
using Digest.Briefings.Grouping;
using Digest.Summaries;
using static Digest.Tests.Briefings.SummaryBuilder;

namespace Digest.Tests.Briefings;

public class StoryWeightTests
{
    private static readonly ArticleSummary[] Day =
    [
        Summary("a1", "Harbor Times", "A", 1, "A."),
        Summary("a2", "Metro Wire", "A", 2, "A."),
        Summary("a3", "Valley Ledger", "A", 3, "A."),
        Summary("b1", "Harbor Times", "B", 1, "B."),
        Summary("b2", "Metro Wire", "B", 1, "B."),
        Summary("b3", "Valley Ledger", "B", 1, "B."),
        Summary("wrong", "Capital Bulletin", "C", 9, "C."),
    ];

    private static GroupedStory Story(int[] members, bool[] firm) => new(members, firm.Select(f => f ? 0.5 : 0.05).ToArray(), firm);

    [Fact]
    public void Weight_WronglyMergedArticle_DoesNotRaiseTheStorysRank()
    {
        var clean = StoryWeight.Of(Story([0, 1, 2], [true, true, true]), Day);
        // B is older than A; a newer article of a fourth outlet, only weakly linked, was merged into it.
        var mixed = StoryWeight.Of(Story([3, 4, 5, 6], [true, true, true, false]), Day);

        Assert.Equal(3, mixed.Outlets);
        Assert.Equal(Day[3].PublishedAt, mixed.Latest);
        Assert.True(clean > mixed);
    }

    [Fact]
    public void Weight_SameOutletTwice_CountsOnce()
    {
        var twice = StoryWeight.Of(Story([0, 3], [true, true]), Day);
        var two = StoryWeight.Of(Story([0, 1], [true, true]), Day);

        Assert.Equal(1, twice.Outlets);
        Assert.True(two > twice);
    }

    [Fact]
    public void Weight_EqualOutlets_NewerRanksFirst()
    {
        var newer = StoryWeight.Of(Story([1, 2], [true, true]), Day);
        var older = StoryWeight.Of(Story([3, 4], [true, true]), Day);

        Assert.True(newer > older);
    }

    [Fact]
    public void Compose_StoryOfOneOutletTwice_RanksBelowAStoryOfTwoOutlets()
    {
        ArticleSummary[] day =
        [
            Summary("ferry-1.txt", "Harbor Times", "Ferry line to Kessing Bay resumes after strike ends", 5,
                "The Kessing Bay ferry line resumed service on Thursday after a nine-day strike by deckhands ended.",
                "Harbor Ferries said all 14 daily crossings would run by Friday."),
            Summary("ferry-2.txt", "Harbor Times", "Kessing Bay ferries back after nine-day deckhand strike", 6,
                "Ferries between Kessing Bay and the mainland ran again on Thursday after deckhands ended a nine-day strike.",
                "All 14 daily crossings will run by Friday, Harbor Ferries said."),
            Summary("museum-1.txt", "Metro Wire", "Brennport museum reopens its maritime wing after renovation", 1,
                "The Brennport Museum reopened its maritime wing on Thursday after a two-year, $18 million renovation.",
                "The wing now holds the restored hull of the schooner Alder, built in 1871."),
            Summary("museum-2.txt", "Valley Ledger", "Schooner Alder hull is centrepiece of Brennport museum's renovated wing", 2,
                "The restored hull of the 1871 schooner Alder is the centrepiece of the Brennport Museum's maritime wing, which reopened Thursday.",
                "The two-year renovation of the wing cost $18 million."),
        ];

        var briefing = new BriefingComposer(new StoryGrouper(new GroupingOptions()), new StoryWriter()).Compose(new DateOnly(2026, 11, 20), day, []);

        Assert.Equal(2, briefing.Stories.Count);
        Assert.Equal(["museum-1.txt", "museum-2.txt"], briefing.Stories[0].Sources.Select(s => s.Article).Order());
    }
}
