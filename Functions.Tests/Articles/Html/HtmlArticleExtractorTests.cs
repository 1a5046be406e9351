using Digest.Articles.Html;

namespace Digest.Tests.Articles.Html;

public class HtmlArticleExtractorTests
{
    private static readonly string[] Body =
    [
        "The city council voted on Monday to close the old harbour bridge for eight months, saying that cracks found in two of its steel piers made further traffic unsafe.",
        "Engineers, who inspected the bridge in October, said repairs would cost about 14 million euros, and that a ferry service would run every twenty minutes in the meantime.",
        "Shop owners on the east bank said the closure would cut their trade in half, and asked the council for help with rents until the bridge reopens next summer.",
        "The mayor said the money would come from the road budget, and that no other project, including the new tram line, would be delayed by the repairs.",
    ];

    private const string Furniture = """
        <header class="site-header"><a href="/">The Harbour Times</a><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></header>
        <nav><ul><li><a href="/politics">Politics</a></li><li><a href="/business">Business</a></li><li><a href="/culture">Culture</a></li></ul></nav>
        <div class="cookie-banner">We use cookies to improve your experience on our site. By continuing you accept our cookie policy. <button>Accept</button></div>
        """;

    private const string Footer = """
        <footer><p>Copyright 2026 The Harbour Times, all rights reserved. Registered office: 1 Quay Street, Harbour Town.</p><a href="/privacy">Privacy</a></footer>
        <script>window.dataLayer = [{ "page": "article", "text": "This script text must not appear in the body at all." }];</script>
        <style>.body p { margin: 0 0 1em 0; font-family: Georgia, serif; }</style>
        """;

    private const string Related = """
        <div class="related-stories"><h3>Related stories</h3><ul>
          <li><a href="/a">Ferry company adds extra boats for the winter timetable</a></li>
          <li><a href="/b">Tram line plans go on show at the town hall this week</a></li>
          <li><a href="/c">Harbour festival moves to the west bank for next year</a></li>
        </ul></div>
        """;

    private const string Share = """<div class="share-buttons"><a href="https://facebook.example/share">Facebook</a> <a href="https://x.example/share">X</a> <a href="mailto:?">Email</a></div>""";

    private const string Newsletter = """
        <div class="newsletter-box"><h3>Get the morning briefing</h3><p>Sign up for our free newsletter and get the top stories of the day in your inbox every morning.</p>
        <form><input type="email" placeholder="Your email"><button>Sign up</button></form></div>
        """;

    private const string Comments = """
        <section id="comments"><h3>12 comments</h3>
          <div class="comment"><p>This bridge should have been repaired years ago, everybody in town knew it was falling apart.</p></div>
          <div class="comment"><p>The ferry will never cope with the morning rush, mark my words, it will be chaos by Christmas.</p></div>
        </section>
        """;

    [Fact]
    public void Extract_ArticlePageWithFurniture_KeepsOnlyTheBody()
    {
        var html = $"""
            <html><head><title>Harbour bridge to close for repairs | The Harbour Times</title></head><body>
            {Furniture}
            <main><article>
              <h1>Harbour bridge to close for repairs</h1>
              <div class="byline">By Anna Berg</div>
              {Share}
              {Paragraphs(Body[..2])}
              <div class="ad-slot">Advertisement</div>
              {Paragraphs(Body[2..])}
              {Newsletter}
            </article>
            {Related}
            {Comments}
            </main>
            {Footer}
            </body></html>
            """;

        var extraction = HtmlArticleExtractor.Extract(html);

        Assert.Equal(Body, extraction.Paragraphs);
    }

    [Fact]
    public void Extract_DivSoupWithoutArticleElement_FindsTheBody()
    {
        var html = $"""
            <html><body>
            <div id="top"><div class="links"><a href="/1">Home</a> | <a href="/2">Local news</a> | <a href="/3">Weather</a> | <a href="/4">Contact</a></div></div>
            <div class="wrap">
              <div class="col-left"><div class="box"><a href="/x">Most read: Tram plans</a></div><div class="box"><a href="/y">Most read: Festival</a></div></div>
              <div class="col-main">
                <div class="txt">{Body[0]}</div>
                <div class="txt">{Body[1]}<br><br>{Body[2]}</div>
                <div class="txt">{Body[3]}</div>
              </div>
              {Related}
            </div>
            {Footer}
            </body></html>
            """;

        var extraction = HtmlArticleExtractor.Extract(html);

        Assert.Equal(Body, extraction.Paragraphs);
    }

    [Fact]
    public void Extract_SubheadsListsAndQuotes_KeptInPageOrder()
    {
        var html = $"""
            <html><body>{Furniture}<article>
              <p>{Body[0]}</p>
              <h2>What changes for drivers</h2>
              <p>{Body[1]}</p>
              <ul><li>Buses will use the north road.</li><li>Lorries must take the ring road.</li></ul>
              <blockquote>We had no choice but to close it before the winter storms.</blockquote>
              <p>{Body[2]}</p>
            </article>{Footer}</body></html>
            """;

        var extraction = HtmlArticleExtractor.Extract(html);

        Assert.Equal(
            [Body[0], "What changes for drivers", Body[1], "Buses will use the north road.", "Lorries must take the ring road.",
                "We had no choice but to close it before the winter storms.", Body[2]],
            extraction.Paragraphs);
    }

    [Fact]
    public void Extract_EmbeddedPostWithLinks_KeptInBody()
    {
        var html = $"""
            <html><body><article>{Paragraphs(Body[..2])}
              <div class="embed"><blockquote class="post"><p>Closing the bridge is the right call, safety first. <a href="https://t.example/1">t.example/1</a></p>
              &mdash; Harbour Mayor (@mayor) <a href="https://x.example/status/1">November 20, 2026</a></blockquote></div>
              {Paragraphs(Body[2..])}</article></body></html>
            """;

        var paragraphs = HtmlArticleExtractor.Extract(html).Paragraphs;

        Assert.Contains("Closing the bridge is the right call, safety first. t.example/1", paragraphs);
        Assert.Equal(Body[2], paragraphs[^2]);
    }

    [Fact]
    public void Extract_LinkInsideUnspacedText_WordsKeptApart()
    {
        var html = $"""<html><body><article><p>パスワード管理ソフト<a href="https://keepass.example/">KeePass</a>の起動ショートカットキーと同じなのです。</p>{Paragraphs(Body)}</article></body></html>""";

        Assert.Equal("パスワード管理ソフト KeePass の起動ショートカットキーと同じなのです。", HtmlArticleExtractor.Extract(html).Paragraphs[0]);
    }

    [Fact]
    public void Extract_HiddenElements_LeftOut()
    {
        var html = $"""
            <html><body><article>{Paragraphs(Body[..2])}
              <div style="display: none">This hidden note is only for screen readers and must be dropped.</div>
              <p hidden>This hidden paragraph is not visible on the page either.</p>
              {Paragraphs(Body[2..])}</article></body></html>
            """;

        Assert.Equal(Body, HtmlArticleExtractor.Extract(html).Paragraphs);
    }

    [Fact]
    public void Extract_EntitiesAndWhitespace_DecodedAndCollapsed()
    {
        var html = $"""
            <html><body><article>
              <p>  Caf&eacute; owners &amp; &quot;friends&quot;&nbsp;met   on
                 the&#160;quay &#8212; it&#x2019;s   the first meeting since&#8203; May.  </p>
              {Paragraphs(Body)}
            </article></body></html>
            """;

        var first = HtmlArticleExtractor.Extract(html).Paragraphs[0];

        Assert.Equal("Café owners & \"friends\" met on the quay — it’s the first meeting since May.", first);
    }

    [Fact]
    public void Extract_OpenGraphMetadata_Read()
    {
        var html = $"""
            <html><head>
              <title>Bridge closes - Harbour Times</title>
              <meta property="og:title" content="Harbour bridge to close for repairs">
              <meta property="og:site_name" content="The Harbour Times">
              <meta property="og:url" content="https://harbour.example/news/bridge">
              <meta property="article:published_time" content="2026-11-20T08:30:00+01:00">
              <link rel="canonical" href="https://harbour.example/other">
            </head><body><article>{Paragraphs(Body)}</article></body></html>
            """;

        var extraction = HtmlArticleExtractor.Extract(html);

        Assert.Equal("Harbour bridge to close for repairs", extraction.Title);
        Assert.Equal("The Harbour Times", extraction.Outlet);
        Assert.Equal("https://harbour.example/news/bridge", extraction.Url);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 8, 30, 0, TimeSpan.FromHours(1)), extraction.PublishedAt);
    }

    [Fact]
    public void Extract_OpenGraphTitleEndingWithOutlet_OutletStripped()
    {
        var html = $"""
            <html><head><meta property="og:title" content="Harbour bridge to close | The Harbour Times">
            <meta property="og:site_name" content="The Harbour Times"></head><body><article>{Paragraphs(Body)}</article></body></html>
            """;

        Assert.Equal("Harbour bridge to close", HtmlArticleExtractor.Extract(html).Title);
    }

    [Fact]
    public void Extract_NoOpenGraphTitle_UsesHeadingOfTheArticle()
    {
        var html = $"""
            <html><head><title>Home | The Harbour Times</title></head><body>
            <div class="masthead"><h1>The Harbour Times</h1></div>
            <article><h1>Harbour bridge to close</h1>{Paragraphs(Body)}</article></body></html>
            """;

        Assert.Equal("Harbour bridge to close", HtmlArticleExtractor.Extract(html).Title);
    }

    [Theory]
    [InlineData("Harbour bridge to close for repairs | The Harbour Times")]
    [InlineData("Harbour bridge to close for repairs - The Harbour Times")]
    [InlineData("Harbour bridge to close for repairs — The Harbour Times")]
    public void Extract_PageTitleWithSiteSuffix_SuffixBecomesOutlet(string pageTitle)
    {
        var html = $"<html><head><title>{pageTitle}</title></head><body><div>{Paragraphs(Body)}</div></body></html>";

        var extraction = HtmlArticleExtractor.Extract(html);

        Assert.Equal("Harbour bridge to close for repairs", extraction.Title);
        Assert.Equal("The Harbour Times", extraction.Outlet);
    }

    [Fact]
    public void Extract_ApplicationName_UsedAsOutlet()
    {
        var html = $"""<html><head><title>Bridge | Harbour</title><meta name="application-name" content="The Harbour Times"></head><body>{Paragraphs(Body)}</body></html>""";

        Assert.Equal("The Harbour Times", HtmlArticleExtractor.Extract(html).Outlet);
    }

    [Fact]
    public void Extract_CanonicalLinkWithoutOpenGraph_UsedAsUrl()
    {
        var html = $"""<html><head><link rel="canonical" href="https://harbour.example/news/bridge"></head><body>{Paragraphs(Body)}</body></html>""";

        Assert.Equal("https://harbour.example/news/bridge", HtmlArticleExtractor.Extract(html).Url);
    }

    [Fact]
    public void Extract_JsonLdDatePublished_Read()
    {
        var html = $$"""
            <html><head><script type="application/ld+json">
              { "@context": "https://schema.org", "@graph": [ { "@type": "WebSite", "name": "Harbour" },
                { "@type": "NewsArticle", "headline": "Bridge", "datePublished": "2026-11-19T17:05:00Z" } ] }
            </script></head><body><article>{{Paragraphs(Body)}}</article></body></html>
            """;

        Assert.Equal(new DateTimeOffset(2026, 11, 19, 17, 5, 0, TimeSpan.Zero), HtmlArticleExtractor.Extract(html).PublishedAt);
    }

    [Fact]
    public void Extract_TimeElementInArticle_Read()
    {
        var html = $"""<html><body><article><time datetime="2026-11-18">18 November</time>{Paragraphs(Body)}</article></body></html>""";

        Assert.Equal(new DateTimeOffset(2026, 11, 18, 0, 0, 0, TimeSpan.Zero), HtmlArticleExtractor.Extract(html).PublishedAt);
    }

    [Fact]
    public void Extract_NoMetadata_LeavesMetadataEmpty()
    {
        var extraction = HtmlArticleExtractor.Extract($"<html><body>{Paragraphs(Body)}</body></html>");

        Assert.Null(extraction.Title);
        Assert.Null(extraction.Outlet);
        Assert.Null(extraction.Url);
        Assert.Null(extraction.PublishedAt);
        Assert.Equal(Body, extraction.Paragraphs);
    }

    [Theory]
    [InlineData("<html><head><title>Empty</title></head><body></body></html>")]
    [InlineData("<html><body>   <div> </div><script>var x = 'no text here at all';</script></body></html>")]
    [InlineData("")]
    public void Extract_PageWithoutBodyText_NoParagraphs(string html)
    {
        Assert.Empty(HtmlArticleExtractor.Extract(html).Paragraphs);
    }

    private static string Paragraphs(IEnumerable<string> paragraphs) => string.Concat(paragraphs.Select(p => $"<p>{p}</p>\n"));
}
