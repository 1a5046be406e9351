using Digest.Briefings;
using Digest.Summaries;
using static Digest.Tests.Briefings.SummaryBuilder;

namespace Digest.Tests.Editorial;

/// <summary>Stories an editor would sign: whole headlines, named sources, sentences that stand alone, each fact once.</summary>
public class StoryWriterEditorialTests
{
    private static Story Write(params ArticleSummary[] sources) => new StoryWriter().Write(sources);

    private static ArticleSummary Untitled(string article, params string[] sentences) =>
        Summary(article, "Cascade Wire", "x", 1, sentences) with { Title = null, Outlet = null };

    [Fact]
    public void Write_SourcesWithoutOutlet_AreNamedByWebSiteOrTitleNeverByFileName()
    {
        var story = Write(
            Untitled("derailment-a.txt", "An Allard & Western freight train derailed near Port Calder on Thursday."),
            Untitled("000_b64512d163fb7fa9.txt", "A freight train derailed near Port Calder on Thursday, spilling wheat.") with { Url = null },
            Untitled("001_fd3e603a94f0e4d4.txt", "Twenty-three cars left the tracks near Port Calder on Thursday.") with { Url = null, Title = "Freight train derails near Port Calder, spilling wheat" });

        Assert.Equal(["cascadewire.example", "outlet not named", "“Freight train derails near Port Calder, spilling wheat”"], story.Sources.Select(s => s.Outlet));
        Assert.DoesNotContain(story.Sources, s => s.Outlet.Contains("derailment", StringComparison.Ordinal) || s.Outlet.Contains("b64512d163fb7fa9", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Port Calder, Oregon (Wire) -- Overnight storms knocked out power to 41,000 homes and businesses along the Oregon coast, flooding Harbor Road and closing the causeway to Gull Island, officials said.")]
    [InlineData("HALIFAX/OTTAWA, Canada Striking dock workers blocked the entrances to the ports of Halifax and Montreal on Monday as talks with the port employers' association broke down for a second week.")]
    [InlineData("Port Calder Fire Chief Owen Raft resigned on Thursday, a week after a city audit found that his department had paid $1.9 million in overtime it could not account for.")]
    [InlineData("President Vos said on Tuesday that she was open to the possibility of meeting the opposition leader in person before the end of the year to talk about the ceasefire and the prisoner exchange.")]
    public void Write_NoTitle_HeadlineIsWholeStatementWithoutDateline(string lead)
    {
        var story = Write(Untitled("a.txt", lead, "Officials expect the work to take until the weekend."));

        Assert.DoesNotContain("…", story.Headline);
        Assert.DoesNotContain("...", story.Headline);
        Assert.InRange(story.Headline.Length, 20, 120);
        Assert.False(story.Headline.StartsWith("Port Calder, Oregon", StringComparison.Ordinal), story.Headline);
        Assert.False(story.Headline.StartsWith("HALIFAX", StringComparison.Ordinal), story.Headline);
        Assert.False(story.Headline.EndsWith(" a week", StringComparison.Ordinal), story.Headline);
        Assert.False(story.Headline.EndsWith("of meeting", StringComparison.Ordinal), story.Headline);
        Assert.StartsWith(lead.Contains("Port Calder, Oregon", StringComparison.Ordinal) ? "Overnight storms" : lead.StartsWith("HALIFAX", StringComparison.Ordinal) ? "Striking dock workers" : lead[..10], story.Headline);
    }

    [Fact]
    public void Write_NoTitleAndALongLeadWithTwoPredicates_HeadlineIsTheLeadsFirstClauseNotALaterSentence()
    {
        var story = Write(Untitled("hospital.txt",
            "ASHFORD — St. Brigid’s Regional Hospital will allow only one adult visitor per patient and has postponed 46 planned surgeries after a norovirus outbreak sickened 31 patients and 14 staff members this week, hospital officials said Friday.",
            "The restrictions took effect at noon and will stay in place at least through Tuesday, said the hospital’s chief nursing officer."));

        Assert.Equal("St. Brigid’s Regional Hospital will allow only one adult visitor per patient", story.Headline);
    }

    [Fact]
    public void Write_TitleWithPeriod_IsUsed()
    {
        var story = Write(Summary("a.md", "Harbor Times", "Chief Raft Is Out. The Overtime Questions Aren't Going Anywhere.", 1,
            "Port Calder Fire Chief Owen Raft resigned on Thursday after an audit of overtime pay."));

        Assert.Equal("Chief Raft Is Out. The Overtime Questions Aren't Going Anywhere.", story.Headline);
    }

    [Fact]
    public void Write_ExplainerAndNewsTitles_PrefersNews()
    {
        var story = Write(
            Summary("explainer.html", "Coastline Daily", "What we know about the Port Calder train derailment", 1,
                "Twenty-three cars of a freight train derailed near Port Calder on Thursday, the railroad said."),
            Summary("news.md", "Valley Ledger", "Freight train derails near Port Calder, spilling wheat", 2,
                "A freight train derailed near Port Calder on Thursday, spilling wheat into Millrace Creek."));

        Assert.Equal("Freight train derails near Port Calder, spilling wheat", story.Headline);
    }

    [Theory]
    [InlineData("That is how long it took, he said, for the hay barn to burn down to its foundation.")]
    [InlineData("What she saw was the start of a fire that would take 40 firefighters five hours to put out.")]
    [InlineData("This statement was made by the city manager's office shortly after noon on Thursday.")]
    [InlineData("Here's what the new budget pays for.")]
    [InlineData("The audit was published this week by Tomas Reyes — Valley Ledger — posted Friday at noon.")]
    public void Write_SentenceThatDoesNotStandAlone_IsLeftOut(string leaning)
    {
        var story = Write(Summary("fire.txt", "Valley Ledger", "Barn fire kills 14 calves near Dunmore", 1,
            "A fire destroyed a hay barn and killed 14 dairy calves at a farm outside Dunmore on Wednesday night.",
            leaning,
            "Fire Chief Glen Stroud said damp hay probably caught fire on its own."));

        Assert.DoesNotContain(leaning, story.Summary);
        Assert.Equal(2, story.Summary.Count);
    }

    [Fact]
    public void Write_SameFactWithNumberWrittenOut_IsToldOnce()
    {
        var story = Write(
            Summary("wire.txt", "Cascade Wire", "Freight train derails near Port Calder", 1,
                "Twenty-three cars of an Allard & Western Railway freight train jumped the tracks near Port Calder early Thursday.",
                "State officials said the spilled grain posed no danger to drinking water."),
            Summary("ledger.md", "Valley Ledger", "Train derails east of Port Calder", 2,
                "Twenty-three of the train's 96 cars left the tracks.",
                "The railroad said the line would reopen by Saturday evening."));

        Assert.Single(story.Summary, s => s.StartsWith("Twenty-three", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_FactSeveralOutletsReport_LeadsOverOneOutletsDetail()
    {
        var story = Write(
            Summary("a.txt", "Cascade Wire", "Freight train derails near Port Calder", 1,
                "A local historian said the curve has worried residents since the 1970s.",
                "The derailment left 23 cars on their sides near Port Calder."),
            Summary("b.txt", "Valley Ledger", "Train derails east of Port Calder", 2,
                "Railroad crews lifted 23 derailed cars with two cranes."),
            Summary("c.txt", "Metro Wire", "Port Calder derailment closes line", 3,
                "Inspectors counted 23 cars off the rails on Thursday."));

        Assert.Contains("23", story.Summary[0], StringComparison.Ordinal);
    }
}
