using Digest.Briefings;
using Digest.Summaries;
using static Digest.Tests.Briefings.SummaryBuilder;

namespace Digest.Tests.Editorial;

/// <summary>
/// A story's headline is a real title of one of its sources when that title states the story's news; otherwise a
/// whole, headline-length statement of its lead: never page clutter, never cut mid-clause, never a dateline or wire tag.
/// </summary>
public class HeadlineChoiceTests
{
    private static Story Write(params ArticleSummary[] sources) => new StoryWriter().Write(sources);

    private static ArticleSummary Titled(string article, string? title, params string[] sentences) =>
        Summary(article, "Valley Ledger", "x", 1, sentences) with { Title = title, Outlet = null, Url = null };

    private static readonly string[] MuseumStory =
    [
        "The Dunmore town museum reopened on Saturday after a two-year restoration of its flood-damaged mill wheel.",
        "Volunteers from the Dunmore heritage society spent two years repairing the wheel and the museum's roof.",
    ];

    // Page clutter quoted in the issue, taken as a title by a page's first line.
    [Theory]
    [InlineData("/ Updated By Ian Sager")]
    [InlineData("Uploaded on Aug 6, 2015")]
    [InlineData("Play Facebook")]
    [InlineData("Image copyright AFP")]
    [InlineData("Page Content")]
    [InlineData("Hide Transcript Show Transcript")]
    [InlineData("Chris Brown & Drake Brawl Tony Parker Sues Club for $20 MILLION")]
    [InlineData("THE SHOCKING and tragic death of the Dunmore museum mill wheel")]
    public void Write_TitleThatIsPageClutter_IsNotTheHeadline(string clutter)
    {
        var story = Write(Titled("a.txt", clutter, MuseumStory));

        Assert.NotEqual(clutter, story.Headline);
        Assert.StartsWith("The Dunmore town museum reopened on Saturday", story.Headline, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_TitleAboutSomethingElse_IsNotTheHeadline()
    {
        var story = Write(
            Titled("a.txt", "The always-outspoken Buffalo Bills wide receiver ruffled a few feathers in New England on Wednesday night",
                "North Korea fired two short-range ballistic missiles into the sea off its east coast on Thursday, South Korea's military said."),
            Titled("b.txt", null, "North Korea launched two ballistic missiles on Thursday, the second test this month, Japan's defence ministry said."));

        Assert.DoesNotContain("Buffalo Bills", story.Headline, StringComparison.Ordinal);
        Assert.Contains("North Korea", story.Headline, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_SpecificationArticles_AreHeadedByTheTitleThatStatesTheNews()
    {
        // The specification's articles, as far as the issue quotes them: 001's dek, 002's title.
        var story = Write(
            Titled("000_b64512d163fb7fa9.txt", null,
                "The White House has indicated that President Donald Trump is open to meeting Russian President Vladimir Putin and Ukrainian President Volodymyr Zelenskyy."),
            Titled("001_fd3e603a94f0e4d4.txt", null,
                "Administration says Russia expressed ‘desire to meet with President Trump’ and that the US wants war in Ukraine to end.",
                "White House Press Secretary Karoline Leavitt said Russian officials had expressed interest in meeting with Trump."),
            Titled("002_d2e124a7cb963bcc.txt", "Trump could meet Putin in person to discuss Russia-Ukraine war, White House says",
                "President Donald Trump may soon meet face-to-face with Russian President Vladimir Putin as part of a push to end the Russia-Ukraine war, a White House official said Wednesday."));

        Assert.Equal("Trump could meet Putin in person to discuss Russia-Ukraine war, White House says", story.Headline);
        Assert.DoesNotContain(story.Sources, s => s.Outlet.Contains("b64512d163fb7fa9", StringComparison.Ordinal) || s.Outlet.StartsWith("00", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_LeadWhoseSubjectEndsAtAComma_IsNotCutBeforeItsVerb()
    {
        var story = Write(Titled("a.txt", null,
            "Facebook CEO Mark Zuckerberg and his wife, Priscilla Chan, are donating $25 million to the fight against the Ebola epidemic in West Africa, the couple said on Tuesday.",
            "The money will go to the Centers for Disease Control and Prevention Foundation, which supports the agency's work."));

        Assert.NotEqual("Facebook CEO Mark Zuckerberg and his wife", story.Headline);
        Assert.Contains("donat", story.Headline + " " + story.Summary[0], StringComparison.Ordinal);
        Assert.False(story.Headline.EndsWith("his wife", StringComparison.Ordinal), story.Headline);
    }

    [Fact]
    public void Write_LeadWithAPassiveVerb_IsNotCutBeforeWhatItSays()
    {
        var story = Write(Titled("a.txt", null,
            "Residents on the Big Island of Hawaii were alerted on Thursday that a new lava flow from the Kilauea volcano could reach the highway within days, county officials said.",
            "Civil defense crews went door to door in the Pahoa area on Thursday afternoon to warn families."));

        Assert.NotEqual("Residents on the Big Island of Hawaii were alerted", story.Headline);
        Assert.False(story.Headline.EndsWith("were alerted", StringComparison.Ordinal), story.Headline);
    }

    [Theory]
    [InlineData("A hiker who went missing after walking off a trail near Dunmore on Tuesday evening with her brother has been found alive, county deputies say.", "A hiker who went missing after walking")]
    [InlineData("Dunmore police notified the Coast Guard on Tuesday evening that a father and his son, who were both experienced swimmers, had not come back from the water.", "Dunmore police notified the Coast Guard on Tuesday evening that a father and his son")]
    public void Write_LeadWhoseClauseWouldBeLeftWithoutItsVerb_IsNotCutThere(string lead, string cut)
    {
        var story = Write(Titled("a.txt", null, lead, "Crews searched the shore near Dunmore until midnight on Tuesday."));

        Assert.NotEqual(cut, story.Headline);
        Assert.StartsWith(lead[..12], story.Headline, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_LeadOpeningWithAQuotedName_IsTheHeadlineSource()
    {
        var story = Write(Titled("a.txt", null,
            "\"La Traviata\" director Ana Lind stopped the Dunmore opera house premiere on Sunday night after the stage lights failed.",
            "The Dunmore opera house said the premiere would be staged again on Friday."));

        Assert.StartsWith("\"La Traviata\" director Ana Lind stopped the Dunmore opera house premiere", story.Headline, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("(CNN) In a sign of just how much the race has tightened, both campaigns booked new television advertising in Ohio on Monday.", "In a sign of just how much")]
    [InlineData("Abu Dhabi: The record drop in oil prices from more than $110 per barrel in 2014 to less than $40 per barrel has pushed Gulf states to cut spending.", "The record drop in oil prices")]
    [InlineData("WASHINGTON The Senate passed a budget plan early on Friday that seeks deep cuts in domestic spending.", "The Senate passed a budget plan")]
    public void Write_LeadWithWireTagOrDateline_HeadlineAndSentenceLoseIt(string lead, string opening)
    {
        var story = Write(Titled("a.txt", null, lead, "Officials in the capital expect a final vote on the plan within weeks."));

        Assert.StartsWith(opening, story.Summary[0], StringComparison.Ordinal);
        Assert.False(story.Headline.StartsWith("(", StringComparison.Ordinal) || story.Headline.StartsWith("Abu Dhabi:", StringComparison.Ordinal) || story.Headline.StartsWith("WASHINGTON", StringComparison.Ordinal), story.Headline);
    }

    [Fact]
    public void Write_TitleWithQuotedSpeakerThatStatesTheNews_IsKept()
    {
        var story = Write(Titled("a.txt", "Mayor Ortiz: ‘The Dunmore museum will stay open all winter’", MuseumStory));

        Assert.Equal("Mayor Ortiz: ‘The Dunmore museum will stay open all winter’", story.Headline);
    }
}
