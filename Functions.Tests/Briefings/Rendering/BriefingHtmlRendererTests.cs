using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Digest.Briefings;
using Digest.Briefings.Rendering;
using Xunit.Abstractions;

namespace Digest.Tests.Briefings.Rendering;

public class BriefingHtmlRendererTests(ITestOutputHelper output)
{
    private static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    [Fact]
    public void Render_Document_DeclaresLanguageCharsetViewportAndColorScheme()
    {
        var document = Parse(BriefingHtmlRenderer.Render(SampleBriefings.Typical(), SampleBriefings.EmailLinks));

        Assert.Equal("en", document.DocumentElement.GetAttribute("lang"));
        Assert.NotNull(document.QuerySelector("meta[charset='utf-8']"));
        Assert.Contains("width=device-width", document.QuerySelector("meta[name='viewport']")?.GetAttribute("content"));
        Assert.Equal("light dark", document.QuerySelector("meta[name='color-scheme']")?.GetAttribute("content"));
    }

    [Fact]
    public void Render_Document_IsSelfContainedWithInlineStylesOnly()
    {
        var html = BriefingHtmlRenderer.Render(SampleBriefings.Typical(), SampleBriefings.EmailLinks, includeEditorReport: true);
        var document = Parse(html);

        Assert.Empty(document.QuerySelectorAll("script, link, style, iframe, object, embed, form"));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.All(document.QuerySelectorAll("[src]"), element => Assert.Fail($"external resource: {element.OuterHtml}"));
        Assert.All(document.All, element => Assert.DoesNotContain(element.Attributes, attribute => attribute.Name.StartsWith("on", StringComparison.Ordinal)));
    }

    [Fact]
    public void Render_Layout_IsTableAtMost600PixelsAndFluid()
    {
        var document = Parse(BriefingHtmlRenderer.Render(SampleBriefings.Typical(), SampleBriefings.EmailLinks));

        var content = document.QuerySelector("table table");
        Assert.NotNull(content);
        Assert.Equal("100%", content.GetAttribute("width"));
        Assert.Contains("max-width:600px", content.GetAttribute("style"));
        Assert.Contains("width:100%", content.GetAttribute("style"));
        Assert.Equal("presentation", content.GetAttribute("role"));
    }

    [Fact]
    public void Render_Preheader_IsHiddenAndNamesTopHeadlineAndCount()
    {
        var document = Parse(BriefingHtmlRenderer.Render(SampleBriefings.Typical(), SampleBriefings.EmailLinks));

        var preheader = document.Body!.FirstElementChild;
        Assert.NotNull(preheader);
        Assert.Contains("display:none", preheader.GetAttribute("style"));
        Assert.Equal("Harbor bridge reopens after repairs and 1 more story", preheader.TextContent);
    }

    [Fact]
    public void Render_Header_ShowsDateCountsAndBrowserLink()
    {
        var document = Parse(BriefingHtmlRenderer.Render(SampleBriefings.Typical(), SampleBriefings.EmailLinks));

        Assert.Equal("Friday, November 20, 2026", document.QuerySelector("h1")?.TextContent);
        Assert.Contains("2 stories from 3 articles", document.Body!.TextContent);
        var browser = Assert.Single(document.QuerySelectorAll("a"), a => a.TextContent == "View in browser");
        Assert.Equal(SampleBriefings.EmailLinks.WebViewUrl, browser.GetAttribute("href"));
    }

    [Fact]
    public void Render_Stories_ShowHeadlineSummaryAndEverySourceLinkedByOutlet()
    {
        var document = Parse(BriefingHtmlRenderer.Render(SampleBriefings.Typical(), SampleBriefings.EmailLinks));

        Assert.Equal(["Harbor bridge reopens after repairs", "Library extends opening hours"], document.QuerySelectorAll("h2").Select(h => h.TextContent));
        Assert.Contains("The harbor bridge reopened on Friday after six weeks of repairs. Traffic is expected to return to normal by Monday.", document.Body!.TextContent);

        var harbor = Assert.Single(document.QuerySelectorAll("a"), a => a.TextContent == "Harbor Times");
        Assert.Equal("https://harbortimes.example/bridge", harbor.GetAttribute("href"));
        Assert.Equal("Bridge reopens", harbor.GetAttribute("title"));
        var crier = Assert.Single(document.QuerySelectorAll("a"), a => a.TextContent == "Town Crier");
        Assert.Equal("https://towncrier.example/library?id=7&ref=rss", crier.GetAttribute("href"));
        Assert.Contains("Sources: Harbor Times, Coast Daily", document.Body.TextContent);
    }

    [Fact]
    public void Render_SourceWithoutUrl_ShowsOutletWithoutLink()
    {
        var document = Parse(BriefingHtmlRenderer.Render(SampleBriefings.Typical(), SampleBriefings.EmailLinks));

        Assert.DoesNotContain(document.QuerySelectorAll("a"), a => a.TextContent.Contains("Coast Daily", StringComparison.Ordinal));
        Assert.Contains("Coast Daily", document.Body!.TextContent);
    }

    [Fact]
    public void Render_HostileArticleText_ComesOutAsInertText()
    {
        var html = BriefingHtmlRenderer.Render(SampleBriefings.Hostile(), SampleBriefings.WebLinks, includeEditorReport: true);
        var document = Parse(html);

        Assert.Empty(document.QuerySelectorAll("script, img, b"));
        Assert.All(document.All, element => Assert.DoesNotContain(element.Attributes, attribute => attribute.Name.StartsWith("on", StringComparison.Ordinal)));
        Assert.Equal($"{SampleBriefings.Script} Council votes", document.QuerySelector("h2")?.TextContent);
        Assert.Contains(SampleBriefings.ImageOnError, document.Body!.TextContent);
        Assert.Contains("Quotes \" and 'apostrophes' & ampersands stay text.", document.Body.TextContent);
        Assert.Contains("Evil <b>Outlet</b>", document.Body.TextContent);
    }

    [Theory]
    [InlineData("Evil <b>Outlet</b>")]
    [InlineData("Data Outlet")]
    public void Render_NonHttpSourceUrl_ShowsOutletWithoutLink(string outlet)
    {
        var html = BriefingHtmlRenderer.Render(SampleBriefings.Hostile(), SampleBriefings.WebLinks);
        var document = Parse(html);

        Assert.DoesNotContain(document.QuerySelectorAll("a"), a => a.TextContent == outlet);
        Assert.Contains(outlet, document.Body!.TextContent);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Render_UrlWithQuotesAndTags_StaysInsideTheHrefAttribute()
    {
        var document = Parse(BriefingHtmlRenderer.Render(SampleBriefings.Hostile(), SampleBriefings.WebLinks));

        var link = Assert.Single(document.QuerySelectorAll("a"), a => a.TextContent == "Quote Outlet");
        var href = link.GetAttribute("href");
        Assert.StartsWith("https://quote.example/a?x=", href);
        Assert.DoesNotContain('"', href!);
        Assert.DoesNotContain('<', href!);
        Assert.Equal(["href", "title", "style"], link.Attributes.Select(a => a.Name));
    }

    [Fact]
    public void Render_EveryLink_IsHttpWithVisibleText()
    {
        var document = Parse(BriefingHtmlRenderer.Render(SampleBriefings.Hostile(), SampleBriefings.EmailLinks, includeEditorReport: true));

        var links = document.QuerySelectorAll("a");
        Assert.NotEmpty(links);
        Assert.All(links, a =>
        {
            Assert.False(string.IsNullOrWhiteSpace(a.TextContent), a.OuterHtml);
            Assert.Matches("^https?://", a.GetAttribute("href") ?? string.Empty);
        });
    }

    [Fact]
    public void Render_Footer_HasReasonPostalAddressAndUnsubscribeLink()
    {
        var document = Parse(BriefingHtmlRenderer.Render(SampleBriefings.Typical(), SampleBriefings.EmailLinks));

        Assert.Contains(SampleBriefings.EmailLinks.FooterReason, document.Body!.TextContent);
        Assert.Contains("Digest, 1 Harbor Road, Port Town", document.Body.TextContent);
        var unsubscribe = Assert.Single(document.QuerySelectorAll("a"), a => a.TextContent == "Unsubscribe");
        Assert.Equal(SampleBriefings.EmailLinks.UnsubscribeUrl, unsubscribe.GetAttribute("href"));
    }

    [Fact]
    public void Render_WebCopy_HasNoUnsubscribeLink()
    {
        var document = Parse(BriefingHtmlRenderer.Render(SampleBriefings.Typical(), SampleBriefings.WebLinks));

        Assert.DoesNotContain(document.QuerySelectorAll("a"), a => a.TextContent == "Unsubscribe");
    }

    [Fact]
    public void Render_EditorReport_AppearsOnlyWhenAskedFor()
    {
        var briefing = SampleBriefings.Typical();

        var email = Parse(BriefingHtmlRenderer.Render(briefing, SampleBriefings.EmailLinks));
        var web = Parse(BriefingHtmlRenderer.Render(briefing, SampleBriefings.WebLinks, includeEditorReport: true));

        Assert.DoesNotContain("scan.pdf", email.Body!.TextContent);
        Assert.Contains("scan.pdf: PDF files are not supported", web.Body!.TextContent);
    }

    [Fact]
    public void Render_TenStoryBriefing_StaysWellUnder102Kilobytes()
    {
        var html = BriefingHtmlRenderer.Render(SampleBriefings.Large(10), SampleBriefings.EmailLinks);

        var bytes = Encoding.UTF8.GetByteCount(html);
        output.WriteLine($"10-story HTML: {bytes} bytes");
        Assert.True(bytes < 60 * 1024, $"{bytes} bytes");
        Assert.Equal(10, Parse(html).QuerySelectorAll("h2").Length);
    }

    [Fact]
    public void Render_SameBriefing_GivesSameDocument()
    {
        Assert.Equal(
            BriefingHtmlRenderer.Render(SampleBriefings.Typical(), SampleBriefings.EmailLinks),
            BriefingHtmlRenderer.Render(SampleBriefings.Typical(), SampleBriefings.EmailLinks));
    }

    [Fact]
    public void Render_SourceWithoutOutlet_IsNamedByItsArticle()
    {
        var briefing = SampleBriefings.Typical() with
        {
            Stories = [new Story { Headline = "H", Summary = ["S."], Sources = [new StorySource { Article = "notes.txt", Outlet = " ", Url = "https://a.example/" }] }],
        };

        var document = Parse(BriefingHtmlRenderer.Render(briefing, SampleBriefings.EmailLinks));

        Assert.Single(document.QuerySelectorAll("a"), a => a.TextContent == "notes.txt");
    }
}
