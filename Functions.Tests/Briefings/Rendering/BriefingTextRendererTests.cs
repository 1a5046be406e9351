using Digest.Briefings;
using Digest.Briefings.Rendering;

namespace Digest.Tests.Briefings.Rendering;

public class BriefingTextRendererTests
{
    [Fact]
    public void Render_Briefing_HasDateCountsStoriesAndFooter()
    {
        var text = BriefingTextRenderer.Render(SampleBriefings.Typical(), SampleBriefings.EmailLinks);

        Assert.StartsWith("DIGEST\nFriday, November 20, 2026\n2 stories from 3 articles\n", text);
        Assert.Contains("View in browser: https://digest.example.org/api/briefings/2026-11-20\n", text);
        Assert.Contains("1. Harbor bridge reopens after repairs\n", text);
        Assert.Contains("2. Library extends opening hours\n", text);
        Assert.Contains("   The city library will open until 9 p.m. on weekdays from December.\n", text);
        Assert.Contains("Digest, 1 Harbor Road, Port Town\n", text);
        Assert.EndsWith("Unsubscribe: https://digest.example.org/api/unsubscribe?token=abc123\n", text);
    }

    [Fact]
    public void Render_Sources_ListLinksInBracketsAfterTheOutlet()
    {
        var text = BriefingTextRenderer.Render(SampleBriefings.Typical(), SampleBriefings.EmailLinks);

        Assert.Contains("   Sources: Harbor Times [https://harbortimes.example/bridge], Coast\n   Daily\n", text);
        Assert.Contains("   Sources: Town Crier [https://towncrier.example/library?id=7&ref=rss]\n", text);
    }

    [Fact]
    public void Render_LongText_WrapsAt72ColumnsExceptUnbreakableUrls()
    {
        var text = BriefingTextRenderer.Render(SampleBriefings.Large(10), SampleBriefings.EmailLinks);

        var lines = text.Split('\n');
        Assert.All(lines.Where(line => line.Length > BriefingTextRenderer.Width), line =>
            Assert.Matches(@"^\s*\[?https://\S+$", line));
        Assert.Contains(lines, line => line.Length is > 60 and <= BriefingTextRenderer.Width);
        var story = string.Join(' ', lines.SkipWhile(line => !line.StartsWith("1. ", StringComparison.Ordinal)).Skip(1)
            .TakeWhile(line => !line.StartsWith("2. ", StringComparison.Ordinal)).Select(line => line.Trim()));
        Assert.Contains(string.Join(' ', SampleBriefings.Large(1).Stories[0].Summary), story);
    }

    [Fact]
    public void Render_NonHttpSourceUrl_ShowsOutletOnly()
    {
        var text = BriefingTextRenderer.Render(SampleBriefings.Hostile(), SampleBriefings.WebLinks);

        Assert.Contains(
            "   Sources: Evil <b>Outlet</b>, Data Outlet, Quote Outlet\n   [https://quote.example/a?x=%22%3E%3Cscript%3Ealert(1)%3C/script%3E]\n",
            text);
        Assert.DoesNotContain("javascript:", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Render_EditorReport_AppearsOnlyWhenAskedFor()
    {
        var briefing = SampleBriefings.Typical();

        var email = BriefingTextRenderer.Render(briefing, SampleBriefings.EmailLinks);
        var web = BriefingTextRenderer.Render(briefing, SampleBriefings.WebLinks, includeEditorReport: true);

        Assert.DoesNotContain("scan.pdf", email);
        Assert.Contains("- scan.pdf: PDF files are not supported; upload the article as text,\n  Markdown, HTML or JSON.\n", web);
    }

    [Fact]
    public void Render_WebCopy_HasNoUnsubscribeLine()
    {
        var text = BriefingTextRenderer.Render(SampleBriefings.Typical(), SampleBriefings.WebLinks);

        Assert.DoesNotContain("Unsubscribe", text);
    }

    [Fact]
    public void Render_LineBreaksInArticleText_DoNotBreakTheLayout()
    {
        var briefing = SampleBriefings.Typical() with
        {
            Stories = [new Story { Headline = "Two\r\nlines\tand  spaces", Summary = ["One\nsentence."], Sources = [] }],
        };

        var text = BriefingTextRenderer.Render(briefing, SampleBriefings.WebLinks);

        Assert.Contains("1. Two lines and spaces\n\n   One sentence.\n", text);
        Assert.DoesNotContain('\r', text);
    }
}
