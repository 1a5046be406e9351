using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Digest.Briefings;
using Digest.Storage;
using Digest.Subscribers;

namespace Digest.Tests.Functions;

/// <summary>Double opt-in, unsubscribe and the web view, through the real handler with the local folder store and outbox.</summary>
public sealed partial class HttpFunctionsTests(HttpFunctionsServer server) : IClassFixture<HttpFunctionsServer>
{
    private SubscriberTokens Tokens() => new(Encoding.UTF8.GetBytes(File.ReadAllText(Path.Combine(server.DataFolder, "signing.key")).Trim()));

    private async Task<string[]> SubscribersAsync() =>
        await new LocalFolderStore(server.DataFolder).ListConfirmedAsync().Select(s => s.Email).ToArrayAsync();

    private string ConfirmLinkFromOutbox(string recipientPart)
    {
        var eml = Directory.GetFiles(Path.Combine(server.DataFolder, "outbox"), "*.eml")
            .Select(File.ReadAllText)
            .Single(text => text.Contains(recipientPart, StringComparison.Ordinal));
        var unfolded = eml.Replace("=\r\n", string.Empty, StringComparison.Ordinal).Replace("=3D", "=", StringComparison.Ordinal);
        return ConfirmLink().Match(unfolded).Value;
    }

    [Fact]
    public async Task Subscribe_ThenConfirmFromTheEmail_ThenUnsubscribeOneClick_AndReplay()
    {
        using var subscribe = await server.Client.PostAsJsonAsync("/api/subscribe", new { email = "ada.lovelace@example.com" });
        Assert.Equal(HttpStatusCode.Accepted, subscribe.StatusCode);
        Assert.DoesNotContain("ada.lovelace@example.com", await SubscribersAsync());

        var confirm = new Uri(ConfirmLinkFromOutbox("ada.lovelace@example.com"));
        using var confirmPage = await server.Client.GetAsync(confirm.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, confirmPage.StatusCode);
        Assert.Contains("method=\"post\"", await confirmPage.Content.ReadAsStringAsync());
        Assert.DoesNotContain("ada.lovelace@example.com", await SubscribersAsync());

        using var confirmed = await server.Client.PostAsync(confirm.PathAndQuery, new StringContent(string.Empty));
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("ada.lovelace@example.com", await SubscribersAsync());
        Assert.Equal("no-store", confirmed.Headers.CacheControl?.ToString());
        Assert.False(confirmed.Headers.Contains("Set-Cookie"));

        var unsubscribe = "/api/unsubscribe?token=" + Tokens().Create(SubscriberTokens.Unsubscribe, "ada.lovelace@example.com");
        using var page = await server.Client.GetAsync(unsubscribe);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("method=\"post\"", await page.Content.ReadAsStringAsync());
        Assert.Contains("ada.lovelace@example.com", await SubscribersAsync());

        using var oneClick = await server.Client.PostAsync(unsubscribe, new StringContent("List-Unsubscribe=One-Click", Encoding.ASCII, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.DoesNotContain("ada.lovelace@example.com", await SubscribersAsync());

        using var replay = await server.Client.PostAsync(unsubscribe, new StringContent("List-Unsubscribe=One-Click", Encoding.ASCII, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
    }

    [Fact]
    public async Task Subscribe_SameAddressAgainAtOnce_SendsOneConfirmationEmail()
    {
        using var first = await server.Client.PostAsJsonAsync("/api/subscribe", new { email = "twice@example.com" });
        using var second = await server.Client.PostAsJsonAsync("/api/subscribe", new { email = "Twice@Example.com" });

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Single(Directory.GetFiles(Path.Combine(server.DataFolder, "outbox"), "*.eml"), f => File.ReadAllText(f).Contains("twice@example.com", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Subscribe_ManyRequestsFromOneClient_AreLimitedWith429()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/subscribe") { Content = JsonContent.Create(new { email = $"flood{i}@example.com" }) };
            request.Headers.Add("X-Forwarded-For", "203.0.113.7, 10.0.0.1");
            using var response = await server.Client.SendAsync(request);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.NotNull(response.Headers.RetryAfter);
            }
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Accepted, 5).Concat(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 2)), statuses);
    }

    [Fact]
    public async Task Subscribe_ClientRotatingItsOwnForwardedFor_IsStillLimitedByTheAddressThePlatformAppends()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/subscribe") { Content = JsonContent.Create(new { email = $"rotate{i}@example.com" }) };
            request.Headers.Add("X-Forwarded-For", $"192.0.2.{i + 1}, 203.0.113.99");
            using var response = await server.Client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Accepted, 5).Concat(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 2)), statuses);
    }

    [Fact]
    public async Task Health_Get_AnswersOk()
    {
        using var response = await server.Client.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"status\":\"ok\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Subscribe_FormPost_SendsAConfirmationEmail()
    {
        using var response = await server.Client.PostAsync("/api/subscribe", new FormUrlEncodedContent([new("email", "grace@example.com")]));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.StartsWith("https://", ConfirmLinkFromOutbox("grace@example.com").Replace("http://", "https://", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"email": "not-an-address"}""", 400)]
    [InlineData("""{"email": "a@example.com\r\nBcc: victim@example.com"}""", 400)]
    [InlineData("""{"name": "no email"}""", 400)]
    [InlineData("""["a@example.com"]""", 400)]
    [InlineData("{not json", 400)]
    [InlineData("null", 400)]
    [InlineData("", 400)]
    [InlineData("""{"email": null}""", 400)]
    [InlineData("""{"email": 42}""", 400)]
    public async Task Subscribe_BadBody_Answers4xxProblem(string body, int status)
    {
        using var response = await server.Client.PostAsync("/api/subscribe", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Subscribe_HugeBody_Answers413()
    {
        using var response = await server.Client.PostAsync("/api/subscribe", new StringContent(new string('x', 100_000), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Subscribe_HugeChunkedBody_Answers413()
    {
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{\"email\": \"" + new string('a', 200_000) + "@example.com\"}")));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/subscribe") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Subscribe_MalformedMultipartForm_Answers400()
    {
        var content = new StringContent("--x\r\nbroken header line\r\n\r\nvalue\r\n--x--\r\n", Encoding.ASCII);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");

        using var response = await server.Client.PostAsync("/api/subscribe", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Confirm_ExpiredToken_Answers410AndSubscribesNobody()
    {
        var token = Tokens().Create(SubscriberTokens.Confirm, "late@example.com", DateTimeOffset.UtcNow.AddMinutes(-1));

        using var page = await server.Client.GetAsync("/api/confirm?token=" + token);
        using var response = await server.Client.PostAsync("/api/confirm?token=" + token, new StringContent(string.Empty));

        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.DoesNotContain("late@example.com", await SubscribersAsync());
    }

    [Theory]
    [InlineData("/api/confirm")]
    [InlineData("/api/confirm?token=")]
    [InlineData("/api/confirm?token=abc.def")]
    [InlineData("/api/unsubscribe?token=abc.def")]
    [InlineData("/api/unsubscribe")]
    public async Task Links_BadOrMissingToken_Answer400(string path)
    {
        using var get = await server.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, get.StatusCode);
    }

    [Fact]
    public async Task Unsubscribe_TokenMadeForConfirming_IsRefused()
    {
        var token = Tokens().Create(SubscriberTokens.Confirm, "ada@example.com", DateTimeOffset.UtcNow.AddHours(1));

        using var response = await server.Client.PostAsync("/api/unsubscribe?token=" + token, new StringContent(string.Empty));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task WebView_StoredBriefing_IsServedEscapedByDateAndAsLatest()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var briefing = new Briefing
        {
            Date = today,
            ArticleCount = 1,
            Stories =
            [
                new Story
                {
                    Headline = "<script>alert(1)</script> Council votes",
                    Summary = ["The council voted <img src=x onerror=alert(1)> on Friday."],
                    Sources = [new StorySource { Article = "a.txt", Outlet = "Harbor Times", Url = "javascript:alert(1)" }],
                },
            ],
        };
        await new LocalFolderStore(server.DataFolder).SaveAsync(new StoredBriefing(briefing, "<p>stored</p>", "stored"));

        foreach (var path in new[] { $"/api/briefings/{today:yyyy-MM-dd}", "/api/briefings/latest" })
        {
            using var response = await server.Client.GetAsync(path);
            var html = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; Council votes", html);
            Assert.DoesNotContain("<script>", html);
            Assert.DoesNotContain("<img src=x", html);
            Assert.DoesNotContain("javascript:", html);
            Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        }
    }

    [Theory]
    [InlineData("/api/briefings/2020-01-01", HttpStatusCode.NotFound)]
    [InlineData("/api/briefings/yesterday", HttpStatusCode.BadRequest)]
    [InlineData("/api/briefings/2026-13-45", HttpStatusCode.BadRequest)]
    public async Task WebView_MissingOrBadDate_AnswersAClearPage(string path, HttpStatusCode status)
    {
        using var response = await server.Client.GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [GeneratedRegex(@"https?://[^\s""<>]+/api/confirm\?token=[A-Za-z0-9_\-]+")]
    private static partial Regex ConfirmLink();
}
