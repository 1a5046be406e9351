using System.Text;
using Digest.Articles;

namespace Digest.Tests.Articles;

public class ArticleFormatTests
{
    private static Article Read(string name, string text) =>
        new ArticleReader(new IntakeOptions()).Read(name, Encoding.UTF8.GetBytes(text));

    [Fact]
    public void ReadTxt_TitleLineThenHardWrappedParagraphs_JoinsWrappedLines()
    {
        var article = Read("story.txt", """
            Harbor Bridge reopens after two years of repairs

            The Harbor Bridge reopened to traffic on Tuesday after a two-year repair
            project that closed the city's busiest crossing, officials said.

            Engineers replaced 40 corroded cables and repaved the whole deck, the
            transportation department said in a statement.
            """);

        Assert.Equal("Harbor Bridge reopens after two years of repairs", article.Title);
        Assert.Equal(
        [
            "The Harbor Bridge reopened to traffic on Tuesday after a two-year repair project that closed the city's busiest crossing, officials said.",
            "Engineers replaced 40 corroded cables and repaved the whole deck, the transportation department said in a statement.",
        ], article.Paragraphs);
    }

    [Fact]
    public void ReadTxt_LeadingBlankLinesAndNoTitleLine_HasNoTitle()
    {
        var article = Read("story.txt", "\n\n\nThe Harbor Bridge reopened to traffic on Tuesday, officials said.\n\nIt had been closed for two years.");

        Assert.Null(article.Title);
        Assert.Equal("The Harbor Bridge reopened to traffic on Tuesday, officials said.", article.Paragraphs[0]);
    }

    [Fact]
    public void ReadTxt_TitleDirectlyAboveBody_SplitsTitleFromParagraph()
    {
        var article = Read("story.txt", """
            Bridge reopens
            The Harbor Bridge reopened to traffic on Tuesday after a two-year repair
            project that closed the city's busiest crossing, officials said.
            """);

        Assert.Equal("Bridge reopens", article.Title);
        Assert.Single(article.Paragraphs);
    }

    [Fact]
    public void ReadTxt_BylineAndDateAboveTitle_StillFindsTitle()
    {
        var article = Read("story.txt", "By Ana Ruiz | Harbor Times\nAug. 6, 2025\n\nBridge reopens\n\nThe Harbor Bridge reopened to traffic on Tuesday, officials said.");

        Assert.Equal("Bridge reopens", article.Title);
        Assert.Equal("Harbor Times", article.Outlet);
        Assert.Equal(["The Harbor Bridge reopened to traffic on Tuesday, officials said."], article.Paragraphs);
    }

    [Fact]
    public void ReadTxt_HeaderFields_SetMetadata()
    {
        var article = Read("story.txt", """
            Title: Bridge reopens
            Source: Harbor Times
            URL: https://www.harbortimes.example/bridge
            Date: 2025-08-06

            The Harbor Bridge reopened to traffic on Tuesday, officials said.
            """);

        Assert.Equal("Bridge reopens", article.Title);
        Assert.Equal("Harbor Times", article.Outlet);
        Assert.Equal("https://www.harbortimes.example/bridge", article.Url);
        Assert.Equal(new DateTimeOffset(2025, 8, 6, 0, 0, 0, TimeSpan.Zero), article.PublishedAt);
        Assert.Equal(["The Harbor Bridge reopened to traffic on Tuesday, officials said."], article.Paragraphs);
    }

    [Fact]
    public void ReadMarkdown_FrontMatterHeadingsLinksAndImages_AreReadAndCleaned()
    {
        var article = Read("story.md", """
            ---
            title: "Storm knocks out power to 40,000"
            source: Coastal Courier
            url: https://www.coastalcourier.example/news/storm
            date: 2025-08-06
            ---

            # Storm knocks out power to 40,000

            ![Downed lines on Main Street](lines.jpg)
            *Downed lines on Main Street. Photo: Coastal Courier*

            A summer storm knocked out power to about 40,000 homes on [Tuesday night](https://x.example), the utility said.

            ## Crews at work

            Crews expect to restore most service by **Thursday**, a spokesperson said.
            """);

        Assert.Equal("Storm knocks out power to 40,000", article.Title);
        Assert.Equal("Coastal Courier", article.Outlet);
        Assert.Equal("https://www.coastalcourier.example/news/storm", article.Url);
        Assert.Equal(new DateTimeOffset(2025, 8, 6, 0, 0, 0, TimeSpan.Zero), article.PublishedAt);
        Assert.Equal(
        [
            "A summer storm knocked out power to about 40,000 homes on Tuesday night, the utility said.",
            "Crews expect to restore most service by Thursday, a spokesperson said.",
        ], article.Paragraphs);
        Assert.Contains(article.Dropped, d => d.Kind == DroppedKinds.Subhead && d.Text == "Crews at work");
        Assert.Contains(article.Dropped, d => d.Kind == DroppedKinds.Caption && d.Text.Contains("Downed lines"));
    }

    [Fact]
    public void ReadMarkdown_WithoutFrontMatter_FirstHeadingIsTitle()
    {
        var article = Read("story.markdown", "# Bridge reopens\n\nThe Harbor Bridge reopened to traffic on Tuesday, officials said.\n");

        Assert.Equal("Bridge reopens", article.Title);
        Assert.Null(article.Outlet);
    }

    [Fact]
    public void ReadJson_PlainTextBody_ReadsFieldsAndIgnoresExtras()
    {
        var article = Read("story.json", """
            {
              "title": "Council passes budget",
              "url": "https://www.harbortimes.example/budget",
              "source": "Harbor Times",
              "publishedAt": "2025-08-06T10:00:00-04:00",
              "body": "The city council passed a $2 billion budget on Tuesday.\n\nThe mayor is expected to sign it this week, aides said.",
              "tags": ["budget"],
              "wordCount": 20
            }
            """);

        Assert.Equal("Council passes budget", article.Title);
        Assert.Equal("Harbor Times", article.Outlet);
        Assert.Equal("https://www.harbortimes.example/budget", article.Url);
        Assert.Equal(new DateTimeOffset(2025, 8, 6, 14, 0, 0, TimeSpan.Zero), article.PublishedAt);
        Assert.Equal(
        [
            "The city council passed a $2 billion budget on Tuesday.",
            "The mayor is expected to sign it this week, aides said.",
        ], article.Paragraphs);
    }

    [Fact]
    public void ReadJson_HtmlBody_UsesParagraphsAndDropsHeadingsAndCaptions()
    {
        var article = Read("story.json", """
            {"title": "Council passes budget", "body": "<p>The city council passed a <a href='/b'>$2 billion budget</a> on Tuesday.</p><h2>Next steps</h2><p>The mayor is expected to sign it this week, aides said.</p><figure><img src='x.jpg'><figcaption>Council members vote.</figcaption></figure>"}
            """);

        Assert.Equal(
        [
            "The city council passed a $2 billion budget on Tuesday.",
            "The mayor is expected to sign it this week, aides said.",
        ], article.Paragraphs);
        Assert.Contains(new DroppedText(DroppedKinds.Subhead, "Next steps"), article.Dropped);
        Assert.Contains(new DroppedText(DroppedKinds.Caption, "Council members vote."), article.Dropped);
    }

    [Fact]
    public void ReadJson_NoSource_OutletFallsBackToUrlHostWithoutWww()
    {
        var article = Read("story.json", """{"url": "https://www.harbortimes.example/budget", "body": "The city council passed a $2 billion budget on Tuesday."}""");

        Assert.Equal("harbortimes.example", article.Outlet);
    }

    [Fact]
    public void ReadHtml_Page_UsesExtractorTitleAndParagraphs()
    {
        var article = Read("story.html", """
            <!doctype html><html><head><title>Bridge reopens</title></head>
            <body><p>The Harbor Bridge reopened to traffic on Tuesday, officials said.</p>
            <p>Sign up for our newsletter</p></body></html>
            """);

        Assert.Equal("Bridge reopens", article.Title);
        Assert.Equal(["The Harbor Bridge reopened to traffic on Tuesday, officials said."], article.Paragraphs);
        Assert.Contains(new DroppedText(DroppedKinds.Prompt, "Sign up for our newsletter"), article.Dropped);
    }

    [Fact]
    public void Read_NoOutletAnywhere_OutletIsNull()
    {
        var article = Read("story.txt", "The Harbor Bridge reopened to traffic on Tuesday, officials said.");

        Assert.Null(article.Outlet);
        Assert.Null(article.Url);
    }
}
