using Digest.Articles;
using Digest.Articles.Cleanup;

namespace Digest.Tests.Articles;

public class ArticleCleanerTests
{
    private const string Body = "The Harbor Bridge reopened to traffic on Tuesday after a two-year repair project, officials said.";
    private const string More = "Engineers replaced 40 corroded cables and repaved the deck, the city said.";
    private const string Third = "Drivers had used a ferry and a 20-mile detour while the bridge was closed.";

    private static CleanedBody Clean(params string[] paragraphs) => new ArticleCleaner().Clean("Bridge reopens", paragraphs);

    private static void AssertDropped(CleanedBody body, string kind, string text) =>
        Assert.Contains(new DroppedText(kind, text), body.Dropped);

    [Theory]
    [InlineData("date 2025-08-06 The Harbor Bridge reopened to traffic on Tuesday after a two-year repair project, officials said.", "date 2025-08-06")]
    [InlineData("Aug. 6, 2025 — The Harbor Bridge reopened to traffic on Tuesday after a two-year repair project, officials said.", "Aug. 6, 2025 —")]
    [InlineData("WASHINGTON (AP) — The Harbor Bridge reopened to traffic on Tuesday after a two-year repair project, officials said.", "WASHINGTON (AP) —")]
    [InlineData("SAN JUAN, Puerto Rico -- The Harbor Bridge reopened to traffic on Tuesday after a two-year repair project, officials said.", "SAN JUAN, Puerto Rico --")]
    public void Clean_LeadingDateline_DropsDatelineAndKeepsSentence(string paragraph, string dateline)
    {
        var body = Clean(paragraph, More);

        AssertDropped(body, DroppedKinds.Dateline, dateline);
        Assert.Equal([Body, More], body.Paragraphs);
    }

    [Fact]
    public void Clean_DatelineWithDate_SetsDate()
    {
        var body = Clean("Aug. 6, 2025 — " + Body);

        Assert.Equal(new DateTimeOffset(2025, 8, 6, 0, 0, 0, TimeSpan.Zero), body.DatelineDate);
    }

    [Theory]
    [InlineData("Aug. 6, 2025")]
    [InlineData("Published Wednesday, August 6, 2025 2:30 PM EDT")]
    [InlineData("Updated: 2025-08-06T14:30:00Z")]
    [InlineData("6 August 2025 | 4 min read")]
    public void Clean_DateOnlyLine_IsDatelineNotBody(string line)
    {
        var body = Clean(line, Body);

        AssertDropped(body, DroppedKinds.Dateline, line);
        Assert.Equal([Body], body.Paragraphs);
        Assert.Equal(new DateTime(2025, 8, 6), body.DatelineDate!.Value.Date);
    }

    [Fact]
    public void Clean_DateAsFirstLineWithoutTitle_IsNotTitle()
    {
        var body = new ArticleCleaner().Clean(null, ["Aug. 6, 2025", Body]);

        Assert.Null(body.Title);
        AssertDropped(body, DroppedKinds.Dateline, "Aug. 6, 2025");
    }

    [Fact]
    public void Clean_DatelineWithShortRest_DropsWholeLine()
    {
        var body = Clean("Aug. 6, 2025 — Updated", Body);

        AssertDropped(body, DroppedKinds.Dateline, "Aug. 6, 2025 — Updated");
        Assert.Equal([Body], body.Paragraphs);
    }

    [Theory]
    [InlineData("By Ana Ruiz | Harbor Times", "Harbor Times")]
    [InlineData("By Ana Ruiz and Ben Ode, Harbor Times", "Harbor Times")]
    [InlineData("By Ana Ruiz, Ben Ode and Cy Li", null)]
    [InlineData("BY ANA RUIZ | The Associated Press | Aug. 6, 2025", "The Associated Press")]
    [InlineData("By Ana Ruiz, Harbor Times Staff Writer", "Harbor Times")]
    [InlineData("By Ana Ruiz, Staff Writer", null)]
    [InlineData("Reporting by Ana Ruiz in Harbor City; Editing by Ben Ode", null)]
    public void Clean_Byline_IsDroppedAndNamesOutlet(string line, string? outlet)
    {
        var body = Clean(line, Body);

        AssertDropped(body, DroppedKinds.Byline, line);
        Assert.Equal([Body], body.Paragraphs);
        Assert.Equal(outlet, body.BylineOutlet);
    }

    [Theory]
    [InlineData("By Tuesday, the council had voted to repair the bridge and reopen it to traffic.")]
    [InlineData("By the end of the day, crews had cleared the last lane of the bridge.")]
    public void Clean_SentenceStartingWithBy_IsKept(string sentence)
    {
        var body = Clean(Body, sentence);

        Assert.Equal([Body, sentence], body.Paragraphs);
        Assert.Empty(body.Dropped);
    }

    [Theory]
    [InlineData("What we know:")]
    [InlineData("What’s next:")]
    [InlineData("What's next:")]
    [InlineData("Road Closures:")]
    public void Clean_Subhead_IsDropped(string line)
    {
        var body = Clean(Body, line, More);

        AssertDropped(body, DroppedKinds.Subhead, line);
        Assert.Equal([Body, More], body.Paragraphs);
    }

    [Fact]
    public void Clean_ShortHeadingLineWithoutColon_StaysInBody()
    {
        // Such lines are as often list items or table rows the article needs; summaries never pick them.
        var body = Clean(Body, "Road closures expected through the weekend", More);

        Assert.Equal([Body, "Road closures expected through the weekend", More], body.Paragraphs);
    }

    [Fact]
    public void Clean_SubheadLabelBeforeSentence_CutsLabelKeepsSentence()
    {
        var body = Clean(Body, "What we know: " + More);

        AssertDropped(body, DroppedKinds.Subhead, "What we know:");
        Assert.Equal([Body, More], body.Paragraphs);
    }

    [Theory]
    [InlineData("He told reporters:")]
    [InlineData("“We are back in business,” she said")]
    public void Clean_ShortLineThatIsSpeech_IsKept(string line)
    {
        var body = Clean(Body, line);

        Assert.Contains(line, body.Paragraphs);
    }

    [Theory]
    [InlineData("(Photo by Jane Doe/Harbor Times via Getty Images)")]
    [InlineData("Photo: Jane Doe/Harbor Times")]
    [InlineData("Image credit: Harbor City Transportation Department")]
    [InlineData("FILE - Workers inspect cables on the Harbor Bridge in Harbor City, Aug. 6, 2023. (AP Photo/Sam Lee, File)")]
    [InlineData("HARBOR CITY, CA - AUGUST 06: Cars cross the Harbor Bridge on August 6, 2025. (Photo by Jane Doe/Getty Images)")]
    [InlineData("Jane Doe/Getty Images")]
    [InlineData("Image credit Harbor City Transportation Department")]
    [InlineData("FILE — Workers inspect cables on the Harbor Bridge in 2023.")]
    public void Clean_CaptionOrCredit_IsDropped(string line)
    {
        var body = Clean(Body, line, More);

        AssertDropped(body, DroppedKinds.Caption, line);
        Assert.Equal([Body, More], body.Paragraphs);
    }

    [Fact]
    public void Clean_CreditAtEndOfLongParagraph_CutsCreditKeepsSentences()
    {
        var paragraph = $"{Body} {More} {Third}";

        var body = Clean(paragraph + " (Photo by Jane Doe/Harbor Times via Getty Images)");

        AssertDropped(body, DroppedKinds.Caption, "(Photo by Jane Doe/Harbor Times via Getty Images)");
        Assert.Equal([paragraph], body.Paragraphs);
    }

    [Fact]
    public void Clean_CreditAtStartOfLongParagraph_CutsCreditKeepsSentences()
    {
        var paragraph = $"{Body} {More} {Third}";

        var body = Clean("(Image credit: Harbor Times) " + paragraph);

        AssertDropped(body, DroppedKinds.Caption, "(Image credit: Harbor Times)");
        Assert.Equal([paragraph], body.Paragraphs);
    }

    [Fact]
    public void Clean_ShortParagraphCarryingAPhotoCredit_IsDroppedWholeAsACaption()
    {
        const string caption = "Boats pushed onto the ramp at the municipal marina on Friday.";

        var body = Clean(Body, caption + " (Photo by Gwen Tally/Harbor Times via Getty Images)", More);

        AssertDropped(body, DroppedKinds.Caption, caption);
        Assert.Equal([Body, More], body.Paragraphs);
    }

    [Theory]
    [InlineData("The Source: This report is based on statements from the city transportation department.")]
    [InlineData("Read more: Harbor City budget vote delayed")]
    [InlineData("Related: Council approves bridge funding")]
    [InlineData("Copyright 2025 Harbor Times. All rights reserved.")]
    [InlineData("© 2025 Harbor Times")]
    [InlineData("All rights reserved.")]
    [InlineData("This story has been updated to include comments from the mayor.")]
    [InlineData("Associated Press writer Ben Ode in Lisbon contributed to this report.")]
    [InlineData("Editor’s note: This story was produced with the Harbor Fund.")]
    [InlineData("Editor's note: This story was produced with the Harbor Fund.")]
    public void Clean_EndNote_IsDropped(string line)
    {
        var body = Clean(Body, More, line);

        AssertDropped(body, DroppedKinds.EndNote, line);
        Assert.Equal([Body, More], body.Paragraphs);
    }

    [Fact]
    public void Clean_EndNoteAtEndOfParagraph_CutsItKeepsSentence()
    {
        var body = Clean(Body + " Read more: Harbor City budget vote delayed");

        AssertDropped(body, DroppedKinds.EndNote, "Read more: Harbor City budget vote delayed");
        Assert.Equal([Body], body.Paragraphs);
    }

    [Theory]
    [InlineData("Sign up for our newsletter")]
    [InlineData("Subscribe to the Harbor Times for unlimited access.")]
    [InlineData("We use cookies to improve your experience on our site.")]
    [InlineData("Click here to read the full report.")]
    [InlineData("Share this")]
    [InlineData("Don’t miss: the best of Harbor City this week")]
    [InlineData("Don't miss: the best of Harbor City this week")]
    [InlineData("Advertisement")]
    public void Clean_Prompt_IsDropped(string line)
    {
        var body = Clean(Body, line, More);

        AssertDropped(body, DroppedKinds.Prompt, line);
        Assert.Equal([Body, More], body.Paragraphs);
    }

    [Fact]
    public void Clean_PromptAtEndOfParagraph_CutsItKeepsSentences()
    {
        var body = Clean(Body + " " + More + " Sign up for our newsletter to get the latest updates.");

        AssertDropped(body, DroppedKinds.Prompt, "Sign up for our newsletter to get the latest updates.");
        Assert.Equal([Body + " " + More], body.Paragraphs);
    }

    [Fact]
    public void Clean_PromptAtStartOfParagraph_CutsItKeepsSentence()
    {
        var body = Clean("Subscribe now for $1 a week. " + Body);

        AssertDropped(body, DroppedKinds.Prompt, "Subscribe now for $1 a week.");
        Assert.Equal([Body], body.Paragraphs);
    }

    [Fact]
    public void Clean_SentenceMentioningNewsletterInBody_IsKept()
    {
        var sentence = "The mayor announced the reopening in the city's weekly newsletter on Monday, aides said.";

        var body = Clean(Body, sentence);

        Assert.Equal([Body, sentence], body.Paragraphs);
    }

    [Theory]
    [InlineData("Tags: bridge, transit, Harbor City")]
    [InlineData("Filed under: Transportation")]
    [InlineData("Transportation, Harbor City, Infrastructure, Local News")]
    [InlineData("Transit | Bridges | Harbor City")]
    public void Clean_TagStrip_IsDropped(string line)
    {
        var body = Clean(Body, More, line);

        AssertDropped(body, DroppedKinds.Tags, line);
        Assert.Equal([Body, More], body.Paragraphs);
    }

    [Fact]
    public void Clean_TitleRepeatedAsFirstParagraph_IsDropped()
    {
        var body = Clean("Bridge reopens", Body);

        Assert.Equal("Bridge reopens", body.Title);
        AssertDropped(body, DroppedKinds.Boilerplate, "Bridge reopens");
        Assert.Equal([Body], body.Paragraphs);
    }

    [Theory]
    [InlineData("By Ana Ruiz | Harbor Times", DroppedKinds.Byline)]
    [InlineData("Aug. 6, 2025", DroppedKinds.Dateline)]
    [InlineData("Photo: Jane Doe/Harbor Times", DroppedKinds.Caption)]
    public void Clean_TitleThatIsMetadata_IsNotKeptAsTitle(string title, string kind)
    {
        var body = new ArticleCleaner().Clean(title, [Body]);

        Assert.Null(body.Title);
        AssertDropped(body, kind, title);
    }

    [Fact]
    public void Clean_RealBodyParagraphs_AreAllKept()
    {
        string[] paragraphs =
        [
            Body,
            "“We are back in business,” Mayor Lin Park said at a ceremony on the bridge.",
            "The project cost $40 million, according to the city. It was paid for by a 2022 bond measure.",
            "Sign-ups for the new bus lines open in September, the transit agency said.",
            "Copyrighted designs for the new lamps were donated by a local studio, officials said.",
        ];

        var body = Clean(paragraphs);

        Assert.Equal(paragraphs, body.Paragraphs);
        Assert.Empty(body.Dropped);
    }
}
