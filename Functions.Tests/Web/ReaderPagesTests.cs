using System.Net;
using System.Net.Http.Json;
using System.Text;
using AngleSharp.Html.Parser;
using Digest.Briefings;
using Digest.Storage;
using Digest.Subscribers;
using Digest.Tests.Functions;

namespace Digest.Tests.Web;

/// <summary>
/// The readers' pages through the HTTP functions (as the host calls them) with the local folder store and outbox:
/// the subscribe form and its answers, the archive and the briefing navigation.
/// </summary>
public sealed class ReaderPagesTests(HttpFunctionsServer server) : IClassFixture<HttpFunctionsServer>
{
    private static readonly HtmlParser Parser = new();

    private string[] OutboxFiles() =>
        Directory.Exists(Path.Combine(server.DataFolder, "outbox")) ? Directory.GetFiles(Path.Combine(server.DataFolder, "outbox"), "*.eml") : [];

    private static FormUrlEncodedContent Form(string email, string? name = null) =>
        new([new("email", email), .. name is null ? Array.Empty<KeyValuePair<string, string>>() : [new("name", name)]]);

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> PageAsync(HttpResponseMessage response)
    {
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return Parser.ParseDocument(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SubscribePage_Get_ShowsALabelledFormThatPostsToItself()
    {
        using var response = await server.Client.GetAsync("/api/subscribe");
        var page = await PageAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var form = Assert.Single(page.QuerySelectorAll("form"));
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("/api/subscribe", form.GetAttribute("action"));
        Assert.Equal("email", page.QuerySelector("input#email")?.GetAttribute("type"));
        Assert.NotNull(page.QuerySelector("label[for=email]"));
        Assert.NotNull(page.QuerySelector("label[for=name]"));
        Assert.Empty(page.QuerySelectorAll("script"));
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Subscribe_FormPost_AnswersACheckYourInboxPage()
    {
        using var response = await server.Client.PostAsync("/api/subscribe", Form("form.reader@example.com", "Form Reader"));
        var page = await PageAsync(response);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("Check your inbox", page.QuerySelector("h1")?.TextContent);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Single(OutboxFiles(), f => File.ReadAllText(f).Contains("form.reader@example.com", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("a@example.com\r\nBcc: victim@example.com", null, "Invalid email address")]
    [InlineData("<script>alert(1)</script>@example.com", null, "Invalid email address")]
    [InlineData("\"><img src=x onerror=alert(1)>", null, "Invalid email address")]
    [InlineData("", null, "No email address")]
    [InlineData("ok.address@example.com", "Ada\r\nBcc: victim@example.com", "Invalid name")]
    [InlineData("ok.address@example.com", "<b>Ada</b>", "Invalid name")]
    public async Task Subscribe_FormWithHostileInput_AnswersAPageWithAPlainMessageAndSendsNothing(string email, string? name, string title)
    {
        var before = OutboxFiles().Length;

        using var response = await server.Client.PostAsync("/api/subscribe", Form(email, name));
        var html = await response.Content.ReadAsStringAsync();
        var page = await PageAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(title, page.QuerySelector("h1")?.TextContent);
        Assert.Empty(page.QuerySelectorAll("script, img"));
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Equal(before, OutboxFiles().Length);
    }

    [Fact]
    public async Task Subscribe_FormWithA10KilobyteAddress_Answers413PageAndSendsNothing()
    {
        var before = OutboxFiles().Length;

        using var response = await server.Client.PostAsync("/api/subscribe", Form(new string('a', 10 * 1024) + "@example.com"));
        var page = await PageAsync(response);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("Too much data", page.QuerySelector("h1")?.TextContent);
        Assert.Equal(before, OutboxFiles().Length);
    }

    [Fact]
    public async Task Subscribe_JsonClientWithBadAddress_KeepsGettingProblemDetails()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/subscribe") { Content = JsonContent.Create(new { email = "not an address" }) };
        request.Headers.Accept.ParseAdd("text/html");

        using var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Subscribe_FormFloodFromOneClient_Answers429PageWithRetryAfter()
    {
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 7; i++)
        {
            last?.Dispose();
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/subscribe") { Content = Form($"form.flood{i}@example.com") };
            request.Headers.Add("X-Forwarded-For", "203.0.113.77");
            last = await server.Client.SendAsync(request);
            statuses.Add(last.StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Accepted, 5).Concat(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 2)), statuses);
        Assert.NotNull(last!.Headers.RetryAfter);
        Assert.Equal("Too many requests", (await PageAsync(last)).QuerySelector("h1")?.TextContent);
        last.Dispose();
    }

    [Fact]
    public async Task Confirm_TokenWithName_StoresTheReaderWithTheName()
    {
        var tokens = new SubscriberTokens(Encoding.UTF8.GetBytes(File.ReadAllText(Path.Combine(server.DataFolder, "signing.key")).Trim()));
        var token = tokens.Create(SubscriberTokens.Confirm, "named@example.com", DateTimeOffset.UtcNow.AddHours(1), "Ada Lovelace");

        using var response = await server.Client.PostAsync("/api/confirm?token=" + token, new StringContent(string.Empty));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reader = await new LocalFolderStore(server.DataFolder).ListConfirmedAsync().SingleAsync(s => s.Email == "named@example.com");
        Assert.Equal("Ada Lovelace", reader.Name);
    }

    [Fact]
    public async Task Archive_ManyBriefings_ListsNewestFirstInPagesOf20()
    {
        var store = new LocalFolderStore(server.DataFolder);
        var first = new DateOnly(2024, 3, 1);
        for (var i = 0; i < 25; i++)
        {
            await SaveAsync(store, first.AddDays(i), $"Headline of day {i + 1}");
        }

        using var one = await server.Client.GetAsync("/api/archive");
        using var two = await server.Client.GetAsync("/api/archive?page=2");
        var pageOne = await PageAsync(one);
        var pageTwo = await PageAsync(two);

        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        var links = pageOne.QuerySelectorAll("main li a").Select(a => a.GetAttribute("href")!).ToArray();
        Assert.True(links.Length == 20, $"page 1 lists {links.Length} briefings");
        Assert.EndsWith("/api/briefings/2024-03-25", links[0], StringComparison.Ordinal);
        Assert.Contains("Headline of day 25", pageOne.QuerySelector("main li")!.TextContent, StringComparison.Ordinal);
        Assert.EndsWith("/api/archive?page=2", pageOne.QuerySelector("a[rel=next]")?.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains(pageTwo.QuerySelectorAll("main li a"), a => a.GetAttribute("href")!.EndsWith("/api/briefings/2024-03-01", StringComparison.Ordinal));
        Assert.Null(pageTwo.QuerySelector("a[rel=next]"));
        Assert.StartsWith("public", one.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/archive?page=0", HttpStatusCode.BadRequest)]
    [InlineData("/api/archive?page=-1", HttpStatusCode.BadRequest)]
    [InlineData("/api/archive?page=abc", HttpStatusCode.BadRequest)]
    [InlineData("/api/archive?page=9999", HttpStatusCode.NotFound)]
    public async Task Archive_BadPage_AnswersAClearPage(string path, HttpStatusCode status)
    {
        using var response = await server.Client.GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Briefing_BetweenTwoOthers_LinksToPreviousNextLatestAndArchive()
    {
        var store = new LocalFolderStore(server.DataFolder);
        await SaveAsync(store, new DateOnly(2023, 5, 1), "First");
        await SaveAsync(store, new DateOnly(2023, 5, 3), "Middle");
        await SaveAsync(store, new DateOnly(2023, 5, 7), "Last");

        using var response = await server.Client.GetAsync("/api/briefings/2023-05-03");
        var page = await PageAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.EndsWith("/api/briefings/2023-05-01", page.QuerySelector("a[rel=prev]")?.GetAttribute("href"), StringComparison.Ordinal);
        Assert.EndsWith("/api/briefings/2023-05-07", page.QuerySelector("a[rel=next]")?.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("a"), a => a.TextContent == "Latest briefing" && a.GetAttribute("href")!.EndsWith("/api/briefings/latest", StringComparison.Ordinal));
        Assert.Contains(page.QuerySelectorAll("a"), a => a.TextContent == "All briefings");
        Assert.Contains(page.QuerySelectorAll("a"), a => a.TextContent == "Subscribe by email" && a.GetAttribute("href")!.EndsWith("/api/subscribe", StringComparison.Ordinal));
        Assert.Equal("story-1", page.QuerySelector("h2")?.Id);
        Assert.DoesNotContain(page.QuerySelectorAll("a"), a => (a.GetAttribute("href") ?? string.Empty).Contains("unsubscribe", StringComparison.Ordinal));
        Assert.Equal("public, max-age=3600", response.Headers.CacheControl?.ToString());
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    private static Task SaveAsync(LocalFolderStore store, DateOnly date, string headline) =>
        store.SaveAsync(new StoredBriefing(
            new Briefing
            {
                Date = date,
                ArticleCount = 1,
                Stories = [new Story { Headline = headline, Summary = ["A sentence."], Citations = [0], Sources = [new StorySource { Article = "a.txt", Outlet = "Harbor Times" }] }],
            },
            "<p>stored</p>",
            "stored"));
}
