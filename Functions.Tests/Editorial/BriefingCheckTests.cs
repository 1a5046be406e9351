using Digest.Briefings;
using Digest.Cli.Editorial;
using static Digest.Tests.Briefings.SummaryBuilder;

namespace Digest.Tests.Editorial;

/// <summary>
/// check-briefing reads a briefing with rules of its own: it names each kind of problem the issue quotes, and it can
/// disagree with the story writer (it flags stories the writer wrote).
/// </summary>
public class BriefingCheckTests
{
    private const string Sentence = "The Dunmore town museum reopened on Saturday after a two-year restoration of its mill wheel.";

    private static Story Story(string headline, string[] summary, params string[] outlets) => new()
    {
        Headline = headline,
        Summary = summary,
        Sources = outlets.Select((o, i) => new StorySource { Article = $"00{i}_b64512d163fb7fa{i}.txt", Outlet = o }).ToArray(),
    };

    private static List<string> Kinds(Story story) =>
        BriefingCheck.Check(new Briefing { Date = new DateOnly(2026, 11, 20), ArticleCount = 1, Stories = [story] }).Select(f => f.Kind).ToList();

    [Theory]
    [InlineData("/ Updated By Ian Sager")]
    [InlineData("Uploaded on Aug 6, 2015")]
    [InlineData("Play Facebook")]
    [InlineData("Image copyright AFP")]
    [InlineData("Page Content")]
    [InlineData("Hide Transcript Show Transcript")]
    [InlineData("Chris Brown & Drake Brawl Tony Parker Sues Club for $20 MILLION")]
    public void Check_ClutterHeadline_IsFlagged(string headline)
    {
        var kinds = Kinds(Story(headline, ["Chris Brown and Drake were in a brawl at a club, and Tony Parker sued the club for $20 million."], "Valley Ledger"));

        Assert.Contains(BriefingCheck.HeadlineClutter, kinds);
    }

    [Theory]
    [InlineData("Facebook CEO Mark Zuckerberg and his wife", "Facebook CEO Mark Zuckerberg and his wife, Priscilla Chan, are donating $25 million to fight Ebola.")]
    [InlineData("Residents on the Big Island of Hawaii were alerted", "Residents on the Big Island of Hawaii were alerted to a lava flow on Thursday.")]
    [InlineData("Administration says Russia expressed ‘desire to meet with President Trump’ and that the US wants war", "Administration says Russia expressed ‘desire to meet with President Trump’ and that the US wants war in Ukraine to end.")]
    [InlineData("A fire destroyed a hay barn and killed 14 dairy calves at the Hollis family farm…", "A fire destroyed a hay barn and killed 14 dairy calves at the Hollis family farm on Wednesday.")]
    public void Check_CutHeadline_IsFlagged(string headline, string sentence)
    {
        Assert.Contains(BriefingCheck.HeadlineCut, Kinds(Story(headline, [sentence], "Valley Ledger")));
    }

    [Theory]
    [InlineData("(CNN) In a sign of just how much…")]
    [InlineData("Abu Dhabi: The record drop in oil prices from more than $110 per barrel in 2014 to less than $40 per barrel")]
    [InlineData("WASHINGTON — Senate passes budget plan")]
    public void Check_DatelinedHeadline_IsFlagged(string headline)
    {
        Assert.Contains(BriefingCheck.HeadlineDateline, Kinds(Story(headline, ["The record drop in oil prices has pushed Gulf states to cut spending in a sign of how much has changed."], "Gulf Daily")));
    }

    [Fact]
    public void Check_HeadlineAboutSomethingElse_IsFlagged()
    {
        var kinds = Kinds(Story("The always-outspoken Buffalo Bills wide receiver ruffled a few feathers in New England on Wednesday night",
            ["North Korea fired two ballistic missiles into the sea on Thursday.", "Japan's defence ministry said the missiles landed in its waters."], "Valley Ledger"));

        Assert.Contains(BriefingCheck.HeadlineOffStory, kinds);
    }

    [Theory]
    [InlineData("000_b64512d163fb7fa9")]
    [InlineData("001_fd3e603a94f0e4d4")]
    [InlineData("002_d2e124a7cb963bcc.txt")]
    [InlineData("1234")]
    [InlineData("c6867cf9b1b9")]
    public void Check_SourceNamedByFileOrHash_IsFlagged(string outlet)
    {
        Assert.Contains(BriefingCheck.SourceName, Kinds(Story("Dunmore museum reopens after mill wheel restoration", [Sentence], outlet)));
    }

    [Theory]
    [InlineData("Valley Ledger")]
    [InlineData("outlet not named")]
    [InlineData("“Trump could meet Putin in person to discuss Russia-Ukraine war, White House says”")]
    [InlineData("apnews.com")]
    public void Check_SourceNamedAsAReaderCanUse_IsNotFlagged(string outlet)
    {
        Assert.DoesNotContain(BriefingCheck.SourceName, Kinds(Story("Dunmore museum reopens after mill wheel restoration", [Sentence], outlet)));
    }

    [Theory]
    [InlineData("In this March 18, 1990 still image from surveillance video released by the U.S. Attorney's Office, two men stand at a door.", BriefingCheck.Caption)]
    [InlineData("Museum director Ana Lind (pictured) said the wheel turns again.", BriefingCheck.Caption)]
    [InlineData("\"It turns again after two years,\" he said.", BriefingCheck.UnnamedSpeaker)]
    [InlineData("Abath, 34, said she had waited two years to see the wheel turn.", BriefingCheck.Dangling)]
    [InlineData("Heidi told reporters the wheel turned on the first try.", BriefingCheck.Dangling)]
    [InlineData("The repairs cost $80,000, Larson said.", BriefingCheck.Dangling)]
    [InlineData("The satellite will map the river from orbit.", BriefingCheck.Dangling)]
    [InlineData("Thank you for your interest in spreading the word about Science.", BriefingCheck.PageText)]
    [InlineData("Subscribe today and you will get unlimited access to every story.", BriefingCheck.PageText)]
    public void Check_SentenceAReaderCannotUse_IsFlaggedByKind(string sentence, string kind)
    {
        Assert.Contains(kind, Kinds(Story("Dunmore museum reopens after mill wheel restoration", [Sentence, sentence], "Valley Ledger")));
    }

    [Fact]
    public void Check_SameFactInOtherWords_IsFlagged()
    {
        var kinds = Kinds(Story("Saudi cabinet approves economic reform plan",
            ["Saudi Arabia's cabinet has agreed on a broad-based economic reform plan to cut the kingdom's dependence on oil.",
             "The Saudi cabinet has approved sweeping economic reforms to cut the kingdom's reliance on oil."], "Gulf Daily"));

        Assert.Contains(BriefingCheck.NearDuplicate, kinds);
    }

    [Fact]
    public void Check_StoryInDutch_IsFlaggedAsNotEnglish()
    {
        var kinds = Kinds(Story("Gemeenteraad keurt begroting goed na lang debat",
            ["De gemeenteraad van Dunmore heeft dinsdagavond de begroting voor volgend jaar goedgekeurd.",
             "Volgens de burgemeester blijven de bibliotheken langer open en komen er twee wegenploegen bij."], "Valley Ledger"));

        Assert.Contains(BriefingCheck.NotEnglish, kinds);
    }

    [Fact]
    public void Check_CleanStory_HasNoFinding()
    {
        var kinds = Kinds(Story("Dunmore museum reopens after mill wheel restoration",
            [Sentence, "Volunteers from the Dunmore heritage society spent two years repairing the wheel and the roof."], "Valley Ledger", "Harbor Times"));

        Assert.Empty(kinds);
    }

    [Fact]
    public void Check_WhatTheWriterLetsThrough_IsFlagged()
    {
        // The writer keeps a short restatement inside a long sentence (too few shared words for its cosine, no name in
        // common) and heads a story with a lead ending on a pronoun; the check, reading by its own rules, sends both back.
        const string longer = "Heavy rain flooded roads across the county overnight, closing schools, cutting power to thousands of homes and stranding drivers on the coastal highway near the old harbor bridge, county emergency managers reported.";
        const string shorter = "Flooded roads stranded drivers on Tuesday.";
        var story = new StoryWriter().Write([
            Summary("b.txt", "Harbor Times", "x", 2, longer) with { Title = null },
            Summary("c.txt", "Metro Wire", "x", 3, shorter) with { Title = null },
        ]);

        var vr = new StoryWriter().Write([Summary("a.txt", "Valley Ledger", "x", 1, "VR kept sucking for a long time, and people kinda gave up on it.") with { Title = null }]);
        var findings = BriefingCheck.Check(new Briefing { Date = new DateOnly(2026, 11, 20), ArticleCount = 3, Stories = [story, vr] });

        Assert.Contains(longer, story.Summary);
        Assert.Contains(shorter, story.Summary);
        Assert.Contains(findings, f => f.Kind == BriefingCheck.NearDuplicate && f.Text.Contains(shorter, StringComparison.Ordinal));
        Assert.Equal("VR kept sucking for a long time, and people kinda gave up on it", vr.Headline);
        Assert.Contains(findings, f => f.Kind == BriefingCheck.HeadlineCut && f.Story == 2);
    }
}
