using Digest.Articles.Cleanup;

namespace Digest.Tests.Editorial;

/// <summary>Intake on the byline blocks, titles and leftovers an editor found in briefings.</summary>
public class EditorialIntakeTests
{
    private const string Lead = "Twenty-three cars of a freight train jumped the tracks near Port Calder early Thursday, the railroad said.";
    private const string ChiefLead = "Port Calder Fire Chief Owen Raft resigned on Thursday, a week after an audit found $1.9 million in overtime the department could not account for.";
    private const string More = "No one was hurt, and the line is expected to reopen by Saturday evening, officials said.";

    private static CleanedBody Clean(string? title, params string[] paragraphs) => new ArticleCleaner().Clean(title, paragraphs);

    [Fact]
    public void Clean_ThreeLineBylineBlock_NamesOutlet()
    {
        var body = Clean("Train derails", "By Mara Lindqvist", "Cascade Wire", "Updated 6:40 a.m. PT", Lead, More);

        Assert.Equal("Cascade Wire", body.BylineOutlet);
        Assert.Equal([Lead, More], body.Paragraphs);
    }

    [Fact]
    public void Clean_ThreeLineBylineBlockWithoutTitle_IsNotTakenAsTitle()
    {
        var body = Clean(null, "By Mara Lindqvist", "Cascade Wire Updated 6:40 a.m. PT", Lead, More);

        Assert.Null(body.Title);
        Assert.Equal("Cascade Wire", body.BylineOutlet);
    }

    [Theory]
    [InlineData("by Tomas Reyes — Valley Ledger — posted Friday, Nov. 20, 2026", "Valley Ledger")]
    [InlineData("Coastline Daily | By June Okoro | Nov. 20, 2026", "Coastline Daily")]
    [InlineData("By Celia Marsh | Harbor Times", "Harbor Times")]
    public void Clean_BylineForms_NameOutlet(string byline, string outlet)
    {
        var body = Clean("Train derails", byline, Lead, More);

        Assert.Equal(outlet, body.BylineOutlet);
        Assert.Equal([Lead, More], body.Paragraphs);
    }

    [Fact]
    public void Clean_OutletReporterContributedNote_NamesOutlet()
    {
        var body = Clean("Train derails", Lead, More, "Metro Wire reporter Sam Adler contributed to this report.");

        Assert.Equal("Metro Wire", body.BylineOutlet);
        Assert.Equal([Lead, More], body.Paragraphs);
    }

    [Fact]
    public void Clean_HeadlineCasedTitleWithPeriod_IsTitle()
    {
        var body = Clean(null, "Chief Raft Is Out. The Overtime Questions Aren't Going Anywhere.", ChiefLead, More);

        Assert.Equal("Chief Raft Is Out. The Overtime Questions Aren't Going Anywhere.", body.Title);
        Assert.Equal([ChiefLead, More], body.Paragraphs);
    }

    [Fact]
    public void Clean_TitleAfterGluedDateline_IsTitleWithoutDateline()
    {
        var body = Clean(null, "PORT CALDER, Ore. (Metro Wire) -- Fire Chief Owen Raft Resigns After Overtime Audit", ChiefLead, More);

        Assert.Equal("Fire Chief Owen Raft Resigns After Overtime Audit", body.Title);
        Assert.Equal([ChiefLead, More], body.Paragraphs);
    }

    [Theory]
    [InlineData("What they're saying:")]
    [InlineData("What is known about the meeting?")]
    public void Clean_QuestionStyleSubhead_IsDropped(string subhead)
    {
        var body = Clean("Train derails", Lead, subhead, More);

        Assert.Equal([Lead, More], body.Paragraphs);
    }

    [Fact]
    public void Clean_QuotedQuestion_IsKept()
    {
        const string quoted = "\"Why would anyone build a siding on that curve?\"";
        var body = Clean("Train derails", Lead, quoted, More);

        Assert.Contains(quoted, body.Paragraphs);
    }

    [Fact]
    public void Clean_GluedTagStrip_IsDropped()
    {
        var body = Clean("Train derails", Lead, More, "WorldPoliticsJane DoeNews");

        Assert.Equal([Lead, More], body.Paragraphs);
        Assert.Contains(body.Dropped, d => d.Kind == "tags" && d.Text == "WorldPoliticsJane DoeNews");
    }
}
