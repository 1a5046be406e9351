using System.Text.Json;
using AngleSharp.Html.Parser;
using Digest.Briefings;
using Digest.Briefings.Grouping;
using Digest.Briefings.Rendering;
using Digest.Tests.Briefings.Rendering;

namespace Digest.Tests.Briefings;

/// <summary>Every story sentence names the source it was taken from, in the JSON, the HTML and the text copies.</summary>
public sealed class CitationTests
{
    private static Briefing Compose() =>
        new BriefingComposer(new StoryGrouper(new GroupingOptions()), new StoryWriter())
            .Compose(new DateOnly(2026, 11, 20), SummaryBuilder.BrennportDay(), []);

    private static Briefing Cited() => SampleBriefings.Typical() with
    {
        Stories =
        [
            SampleBriefings.Typical().Stories[0] with { Citations = [0, 1] },
            SampleBriefings.Typical().Stories[1] with { Citations = [0] },
        ],
    };

    [Fact]
    public void Compose_EverySentence_IsCitedToTheSourceWhoseSummaryHoldsIt()
    {
        var briefing = Compose();

        Assert.All(briefing.Stories, story =>
        {
            Assert.Equal(story.Summary.Count, story.Citations.Count);
            var articles = SummaryBuilder.BrennportDay().ToDictionary(s => s.Article);
            for (var i = 0; i < story.Summary.Count; i++)
            {
                Assert.InRange(story.Citations[i], 0, story.Sources.Count - 1);
                Assert.Contains(story.Summary[i], articles[story.Sources[story.Citations[i]].Article].Sentences);
            }
        });
        Assert.Contains(briefing.Stories, story => story.Citations.Distinct().Count() > 1);
    }

    [Fact]
    public void Json_Story_KeepsSummaryStringsAndAddsCitations()
    {
        var json = JsonSerializer.SerializeToElement(Compose(), DigestJson.Options);

        var story = json.GetProperty("stories")[0];
        Assert.All(story.GetProperty("summary").EnumerateArray(), sentence => Assert.Equal(JsonValueKind.String, sentence.ValueKind));
        Assert.Equal(story.GetProperty("summary").GetArrayLength(), story.GetProperty("citations").GetArrayLength());
        Assert.All(story.GetProperty("citations").EnumerateArray(), index => Assert.InRange(index.GetInt32(), 0, story.GetProperty("sources").GetArrayLength() - 1));
    }

    [Fact]
    public void Json_BriefingWithoutCitations_ReadsWithNone()
    {
        const string old = """{"date":"2026-11-20","articleCount":1,"stories":[{"headline":"H","summary":["One."],"sources":[{"article":"a.txt","outlet":"O"}]}]}""";

        var briefing = JsonSerializer.Deserialize<Briefing>(old, DigestJson.Options)!;

        Assert.Empty(briefing.Stories[0].Citations);
        Assert.Contains("One.", BriefingTextRenderer.Render(briefing, SampleBriefings.WebLinks));
    }

    [Fact]
    public void Html_EachSentence_LinksToItsSourcesArticleOrNamesTheOutlet()
    {
        var document = new HtmlParser().ParseDocument(BriefingHtmlRenderer.Render(Cited(), SampleBriefings.EmailLinks));

        var summary = document.QuerySelectorAll("h2#story-1 ~ p")[0];
        Assert.Equal(
            "The harbor bridge reopened on Friday after six weeks of repairs. [Harbor Times] Traffic is expected to return to normal by Monday. [Coast Daily]",
            summary.TextContent);
        var cited = Assert.Single(summary.QuerySelectorAll("a"));
        Assert.Equal("https://harbortimes.example/bridge", cited.GetAttribute("href"));
        Assert.Equal("Harbor Times", cited.TextContent);
    }

    [Fact]
    public void Html_CitationOutOfRange_ShowsTheSentenceWithoutCitation()
    {
        var briefing = Cited() with { Stories = [SampleBriefings.Typical().Stories[0] with { Citations = [7, -1] }] };

        var document = new HtmlParser().ParseDocument(BriefingHtmlRenderer.Render(briefing, SampleBriefings.EmailLinks));

        Assert.Equal(
            "The harbor bridge reopened on Friday after six weeks of repairs. Traffic is expected to return to normal by Monday.",
            document.QuerySelectorAll("h2#story-1 ~ p")[0].TextContent);
    }

    [Fact]
    public void Html_TenStoriesWithEverySentenceCited_StaysUnder60Kilobytes()
    {
        var large = SampleBriefings.Large(10);
        var cited = large with { Stories = [.. large.Stories.Select(s => s with { Citations = [.. s.Summary.Select((_, i) => i % s.Sources.Count)] })] };

        var html = BriefingHtmlRenderer.Render(cited, SampleBriefings.EmailLinks);

        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(html), 1, 60 * 1024);
    }

    [Fact]
    public void Html_HostileOutletInCitation_StaysText()
    {
        var hostile = SampleBriefings.Hostile();
        var briefing = hostile with { Stories = [hostile.Stories[0] with { Citations = [0, 1] }] };

        var html = BriefingHtmlRenderer.Render(briefing, SampleBriefings.EmailLinks);

        Assert.Contains("[Evil &lt;b&gt;Outlet&lt;/b&gt;]", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.DoesNotContain("data:text", html);
    }

    [Fact]
    public void Text_EachSentence_NamesItsOutletInBrackets()
    {
        var text = BriefingTextRenderer.Render(Cited(), SampleBriefings.EmailLinks);

        Assert.Contains("   The harbor bridge reopened on Friday after six weeks of repairs.\n   [Harbor\u00A0Times] Traffic is expected to return to normal by Monday.\n   [Coast\u00A0Daily]\n", text);
        Assert.Contains("   The city library will open until 9 p.m. on weekdays from December.\n   [Town\u00A0Crier]\n", text);
    }

    [Fact]
    public void Email_Footer_LinksToTheWebCopy()
    {
        var document = new HtmlParser().ParseDocument(BriefingHtmlRenderer.Render(Cited(), SampleBriefings.EmailLinks));
        var text = BriefingTextRenderer.Render(Cited(), SampleBriefings.EmailLinks);

        var footer = document.QuerySelectorAll("tr").Last();
        var link = Assert.Single(footer.QuerySelectorAll("a"), a => a.TextContent == "Read this briefing in your browser");
        Assert.Equal(SampleBriefings.EmailLinks.WebViewUrl, link.GetAttribute("href"));
        Assert.Contains("Read this briefing in your browser:\nhttps://digest.example.org/api/briefings/2026-11-20\n", text);
    }

    [Fact]
    public void WebCopy_OffersSubscribingAndNoPersonalLink()
    {
        var links = BriefingLinks.WebCopy("Digest, 1 Harbor Road", "https://digest.example.org/");

        var document = new HtmlParser().ParseDocument(BriefingHtmlRenderer.Render(Cited(), links));
        var text = BriefingTextRenderer.Render(Cited(), links);

        var subscribe = Assert.Single(document.QuerySelectorAll("a"), a => a.TextContent == "Subscribe by email");
        Assert.Equal("https://digest.example.org/api/subscribe", subscribe.GetAttribute("href"));
        Assert.DoesNotContain(document.QuerySelectorAll("a"), a => (a.GetAttribute("href") ?? string.Empty).Contains("unsubscribe", StringComparison.Ordinal));
        Assert.Contains("Subscribe by email: https://digest.example.org/api/subscribe\n", text);
    }

    [Fact]
    public void Email_HasNoSubscribeBox()
    {
        var links = SampleBriefings.EmailLinks with { SubscribeUrl = "https://digest.example.org/api/subscribe" };

        var document = new HtmlParser().ParseDocument(BriefingHtmlRenderer.Render(Cited(), links));

        Assert.DoesNotContain(document.QuerySelectorAll("a"), a => a.TextContent == "Subscribe by email");
    }

    [Fact]
    public void Html_EveryStory_HasAnAnchorAndThePermalinkWhenGiven()
    {
        var links = BriefingLinks.WebCopy(null) with { PermalinkUrl = "https://digest.example.org/api/briefings/2026-11-20" };

        var document = new HtmlParser().ParseDocument(BriefingHtmlRenderer.Render(Cited(), links));

        Assert.Equal(["story-1", "story-2"], document.QuerySelectorAll("h2").Select(h => h.Id));
        Assert.Equal(
            ["https://digest.example.org/api/briefings/2026-11-20#story-1", "https://digest.example.org/api/briefings/2026-11-20#story-2"],
            document.QuerySelectorAll("a").Where(a => a.TextContent == "Link to this story").Select(a => a.GetAttribute("href")));
    }
}
