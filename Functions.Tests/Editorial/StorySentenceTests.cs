using Digest.Briefings;
using Digest.Summaries;
using static Digest.Tests.Briefings.SummaryBuilder;

namespace Digest.Tests.Editorial;

/// <summary>
/// The sentences of a story stand where they are put: no caption, no "(pictured)", no quote from an unnamed "he",
/// nobody and nothing that an earlier sentence has not introduced, no deck set as a sentence, no fact twice, and the
/// fact most sources report first.
/// </summary>
public class StorySentenceTests
{
    private static Story Write(params ArticleSummary[] sources) => new StoryWriter().Write(sources);

    private const string Lead = "A fire destroyed a hay barn and killed 14 dairy calves at the Hollis farm outside Dunmore on Wednesday night.";
    private const string Other = "Fire Chief Glen Stroud said damp hay probably caught fire on its own.";

    private static Story WithBetween(string sentence) =>
        Write(Summary("fire.txt", "Valley Ledger", "Barn fire kills 14 calves near Dunmore", 1, Lead, sentence, Other));

    [Theory]
    [InlineData("In this March 18, 1990 still image from surveillance video released by the U.S. Attorney's Office, two men dressed as police officers stand at a side door of the museum.")]
    [InlineData("In this photo provided by the Dunmore fire department, smoke rises over the barn on Wednesday night.")]
    [InlineData("Farm owner Ana Hollis, left, and her son Tom, right, stand beside the burned barn on Thursday morning.")]
    public void Write_Caption_IsLeftOut(string caption)
    {
        var story = WithBetween(caption);

        Assert.DoesNotContain(caption, story.Summary);
        Assert.Equal(2, story.Summary.Count);
    }

    [Fact]
    public void Write_PicturedPointer_IsRemovedFromTheSentence()
    {
        var story = Write(Summary("fire.txt", "Valley Ledger", "Barn fire kills 14 calves near Dunmore", 1,
            "Farm owner Ana Hollis (pictured) said the fire destroyed a hay barn and killed 14 dairy calves on Wednesday night."));

        Assert.Equal("Farm owner Ana Hollis said the fire destroyed a hay barn and killed 14 dairy calves on Wednesday night.", story.Summary[0]);
    }

    [Theory]
    [InlineData("\"We lost every calf in that barn within minutes,\" he said.")]
    [InlineData("“It went up like paper,” she told reporters.")]
    [InlineData("Abath, 34, said she saw flames from the road shortly before midnight.")]
    [InlineData("Heidi told the county sheriff that the barn had no electricity.")]
    [InlineData("The barn was insured, Larson said, but the calves were not.")]
    [InlineData("The satellite will map the farm's damage from orbit on Friday morning.")]
    [InlineData("These crawls are part of an effort to record the farm's history.")]
    [InlineData("He had warned the county about the barn's wiring in March.")]
    public void Write_SentenceNeedingAnEarlierOne_IsLeftOut(string leaning)
    {
        var story = WithBetween(leaning);

        Assert.DoesNotContain(leaning, story.Summary);
    }

    [Theory]
    [InlineData("If you live near the Hollis farm, keep your windows closed until the smoke clears on Friday.")]
    [InlineData("Video playback is unavailable on your device Video caption Firefighters at the Hollis farm fought the blaze for five hours.")]
    [InlineData("Firefighters from three towns worked through the night at the Hollis farm, the chief said,...")]
    [InlineData("Deputies closed the county road near the farm for the night.Neighbours brought water for the crews.")]
    [InlineData("Barn Fire Kills Calves Near Dunmore Barn Fire Kills Calves Near Dunmore as crews stay on the farm overnight.")]
    [InlineData("Image copyright Dunmore Fire Department Image caption Smoke rises over the Hollis barn on Wednesday night, firefighters said.")]
    public void Write_PageTextCutOrGluedText_IsLeftOut(string text)
    {
        var story = WithBetween(text);

        Assert.DoesNotContain(text, story.Summary);
    }

    [Fact]
    public void Write_SurnameIntroducedEarlier_IsKept()
    {
        var story = Write(
            Summary("a.txt", "Valley Ledger", "Barn fire kills 14 calves near Dunmore", 1,
                "Neighbour Maria Larson called firefighters when she saw the hay barn burning outside Dunmore on Wednesday night."),
            Summary("b.txt", "Harbor Times", "Dunmore barn fire", 2,
                "The barn was insured, Larson said, but the 14 calves inside it were not."));

        Assert.Contains("The barn was insured, Larson said, but the 14 calves inside it were not.", story.Summary);
    }

    [Fact]
    public void Write_DeckSetAsSentence_IsLeftOut()
    {
        const string deck = "Pinecrest shares jump 24% after Halvorsen agrees a cash-and-stock takeover; union seeks job guarantees at Ashford plant.";
        var story = Write(Summary("deal.txt", "Metro Wire", "Pinecrest Creamery shares soar on Halvorsen deal", 1,
            deck,
            "Shares of Pinecrest Creamery surged on Friday after packaged-foods maker Halvorsen Foods agreed to buy the dairy company for $38.50 a share.",
            "The union at Pinecrest's biggest plant said it wants written job guarantees before the deal closes."));

        Assert.DoesNotContain(deck, story.Summary);
    }

    [Fact]
    public void Write_SameFactInOtherWords_IsToldOnce()
    {
        var story = Write(
            Summary("a.txt", "Gulf Daily", "Saudi Arabia approves economic reforms", 1,
                "Saudi Arabia's cabinet has agreed on a broad-based economic reform plan to reduce the kingdom's dependence on oil."),
            Summary("b.txt", "Capital Bulletin", "Saudi cabinet backs reform plan", 2,
                "The Saudi cabinet has approved sweeping economic reforms meant to reduce the kingdom's reliance on oil revenue."),
            Summary("c.txt", "Metro Wire", "Saudi reforms unveiled", 3,
                "Saudi Arabia unveiled ambitious plans on Monday to reduce the kingdom's dependence on oil by 2030."));

        Assert.Single(story.Summary);
    }

    [Fact]
    public void Write_FactMostSourcesReport_IsTheLead()
    {
        var story = Write(
            Summary("a.txt", "Valley Ledger", "Zuckerberg and Chan give to Ebola fight", 1,
                "Mark Zuckerberg grew up in Dobbs Ferry, New York, and studied at Harvard University.",
                "Facebook chief Mark Zuckerberg and his wife Priscilla Chan are donating $25 million to fight the Ebola epidemic."),
            Summary("b.txt", "Metro Wire", "Facebook founder pledges $25 million against Ebola", 2,
                "Mark Zuckerberg and Priscilla Chan will give $25 million to the CDC Foundation to fight Ebola, the couple said."),
            Summary("c.txt", "Harbor Times", "Ebola gift", 3,
                "The $25 million donation from Zuckerberg and Chan is one of the largest private gifts against Ebola."));

        Assert.Contains("$25 million", story.Summary[0], StringComparison.Ordinal);
    }
}
