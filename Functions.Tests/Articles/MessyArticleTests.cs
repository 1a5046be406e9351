using System.Text;
using Digest.Articles;
using Digest.Summaries;

namespace Digest.Tests.Articles;

/// <summary>A whole article with every kind of clutter intake removes, read end to end.</summary>
public class MessyArticleTests
{
    private const string MessyText = """


        Harbor Bridge reopens after two years of repairs
        By Ana Ruiz and Ben Ode, Harbor Times
        Aug. 6, 2025

        HARBOR CITY (AP) — The Harbor Bridge reopened to traffic on Tuesday after a
        two-year, $40 million repair project that closed the city's busiest crossing,
        officials said.

        What we know: The bridge carries about 60,000 vehicles a day. Engineers found
        corroded cables in 2023.

        (Photo by Jane Doe/Harbor Times via Getty Images)

        FILE - Workers inspect cables on the Harbor Bridge in 2023. (AP Photo/Sam Lee)

        Road closures ahead

        Mayor Lin Park said the city would add two bus lines across the bridge by
        October. “We are back in business,” she said. Sign up for our newsletter to get the latest updates.

        The Source: This report is based on statements from the city transportation department.

        Read more: Harbor City budget vote delayed

        Copyright 2025 Harbor Times. All rights reserved.

        Tags: bridge, transit, Harbor City
        """;

    private static Article Read() => new ArticleReader(new IntakeOptions()).Read("bridge.txt", Encoding.UTF8.GetBytes(MessyText));

    [Fact]
    public void Read_MessyArticle_KeepsOnlyBodyTextAndSectionHeadings()
    {
        var article = Read();

        Assert.Equal(
        [
            "The Harbor Bridge reopened to traffic on Tuesday after a two-year, $40 million repair project that closed the city's busiest crossing, officials said.",
            "The bridge carries about 60,000 vehicles a day. Engineers found corroded cables in 2023.",
            "Road closures ahead",
            "Mayor Lin Park said the city would add two bus lines across the bridge by October. “We are back in business,” she said.",
        ], article.Paragraphs);
    }

    [Fact]
    public void Read_MessyArticle_TakesTitleOutletAndDateFromTheClutter()
    {
        var article = Read();

        Assert.Equal("Harbor Bridge reopens after two years of repairs", article.Title);
        Assert.Equal("Harbor Times", article.Outlet);
        Assert.Equal(new DateTimeOffset(2025, 8, 6, 0, 0, 0, TimeSpan.Zero), article.PublishedAt);
    }

    [Fact]
    public void Read_MessyArticle_RecordsEveryRemovalWithItsKind()
    {
        var article = Read();

        Assert.Equal(
        [
            new DroppedText(DroppedKinds.Byline, "By Ana Ruiz and Ben Ode, Harbor Times"),
            new DroppedText(DroppedKinds.Dateline, "Aug. 6, 2025"),
            new DroppedText(DroppedKinds.Dateline, "HARBOR CITY (AP) —"),
            new DroppedText(DroppedKinds.Subhead, "What we know:"),
            new DroppedText(DroppedKinds.Caption, "(Photo by Jane Doe/Harbor Times via Getty Images)"),
            new DroppedText(DroppedKinds.Caption, "FILE - Workers inspect cables on the Harbor Bridge in 2023. (AP Photo/Sam Lee)"),
            new DroppedText(DroppedKinds.Prompt, "Sign up for our newsletter to get the latest updates."),
            new DroppedText(DroppedKinds.EndNote, "The Source: This report is based on statements from the city transportation department."),
            new DroppedText(DroppedKinds.EndNote, "Read more: Harbor City budget vote delayed"),
            new DroppedText(DroppedKinds.EndNote, "Copyright 2025 Harbor Times. All rights reserved."),
            new DroppedText(DroppedKinds.Tags, "Tags: bridge, transit, Harbor City"),
        ], article.Dropped);
    }

    [Fact]
    public void Read_MessyArticle_NoClutterLeftInTitleOrBody()
    {
        var article = Read();
        string[] clutter = ["By Ana", "Getty", "FILE", "Sign up", "Source:", "Read more", "Copyright", "Tags:", "(AP)", "What we know"];

        foreach (var text in article.Paragraphs.Append(article.Title!))
        {
            Assert.DoesNotContain(clutter, c => text.Contains(c, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Summarize_MessyArticle_NoHeadingOrClutterInTheSummary()
    {
        var summary = await new BuiltInSummarizer(new SummarizerOptions { Sentences = 5 }, TimeProvider.System).SummarizeAsync(Read());

        Assert.NotEmpty(summary.Sentences);
        Assert.DoesNotContain("Road closures ahead", summary.Sentences);
        string[] clutter = ["By Ana", "Getty", "FILE", "Sign up", "Source:", "Read more", "Copyright", "Tags:", "(AP)", "What we know", "Road closures"];
        Assert.All(summary.Sentences, sentence => Assert.DoesNotContain(clutter, c => sentence.Contains(c, StringComparison.Ordinal)));
    }
}
