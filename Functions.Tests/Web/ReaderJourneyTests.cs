using System.Globalization;
using System.Net;
using AngleSharp.Html.Parser;
using Digest.Briefings;
using Digest.Storage;
using Digest.Tests.Briefings.Rendering;
using Digest.Tests.Mail;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;

namespace Digest.Tests.Web;

/// <summary>
/// The whole subscriber journey as a reader lives it, in Debian's Chromium on the pages <c>serve</c> serves, with
/// real email through maildev: latest briefing, subscribe form, confirmation email, confirm, the briefing email,
/// its web copy, unsubscribe, and the RFC 8058 one-click POST. Every page is scanned with axe-core and photographed.
/// </summary>
public sealed class ReaderJourneyTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const string Reader = "journey.reader@example.com";
    private const string OneClickReader = "one.click@example.com";

    [Fact]
    public async Task Reader_SubscribesConfirmsReadsAndUnsubscribes_InARealBrowser()
    {
        await using var mail = await MailDevServer.StartAsync();
        await using var serve = await ServeHost.StartAsync(
            ("Mail:Sender", "smtp"), ("Mail:Smtp:Host", "127.0.0.1"), ("Mail:Smtp:Port", mail.SmtpPort.ToString(CultureInfo.InvariantCulture)),
            ("Mail:Smtp:UseStartTls", "false"), ("Mail:PostalAddress", "Digest, 1 Harbor Road, Port Town"));
        var today = serve.Services.GetRequiredService<DailyBriefing>().LatestClosedWindow().Date;
        await serve.ComposeAsync(today.AddDays(-1));
        var problems = new List<string>();
        await using var reader = await ReaderBrowser.OpenAsync(chromium, "198.51.100.21");

        // Given the latest briefing, when the reader follows its subscribe link and sends the form
        Assert.Equal(200, (await reader.GoAsync(Url(serve, "/api/briefings/latest"))).Status);
        problems.AddRange(await reader.CheckPageAsync("briefing"));
        Assert.Equal(200, (await reader.FollowAsync(reader.Page.GetByRole(AriaRole.Link, new() { Name = "Subscribe by email" }))).Status);
        Assert.Equal("Subscribe to Digest", await reader.HeadingAsync());
        problems.AddRange(await reader.CheckPageAsync("subscribe"));
        await reader.Page.GetByLabel("Email address").FillAsync(Reader);
        await reader.Page.GetByLabel("Name (optional)").FillAsync("Journey Reader");
        Assert.Equal(202, (await reader.FollowAsync(reader.Page.GetByRole(AriaRole.Button, new() { Name = "Subscribe" }))).Status);
        Assert.Equal("Check your inbox", await reader.HeadingAsync());
        problems.AddRange(await reader.CheckPageAsync("check-inbox"));
        Assert.Empty(await serve.Store.ListConfirmedAsync().ToListAsync());

        // Then the confirmation email arrives; its link opens a page whose button subscribes
        var confirmation = await EmailAsync(mail, Reader, "Confirm your Digest subscription");
        var confirmUrl = Link(confirmation.HtmlBody, "Confirm subscription");
        Assert.StartsWith(Url(serve, "/api/confirm?token="), confirmUrl, StringComparison.Ordinal);
        Assert.Equal(200, (await reader.GoAsync(confirmUrl)).Status);
        Assert.Equal("Confirm your subscription", await reader.HeadingAsync());
        problems.AddRange(await reader.CheckPageAsync("confirm"));
        Assert.Empty(await serve.Store.ListConfirmedAsync().ToListAsync());
        Assert.Equal(200, (await reader.FollowAsync(reader.Page.GetByRole(AriaRole.Button, new() { Name = "Subscribe" }))).Status);
        Assert.Equal("You are subscribed", await reader.HeadingAsync());
        problems.AddRange(await reader.CheckPageAsync("confirmed"));
        var stored = Assert.Single(await serve.Store.ListConfirmedAsync().ToListAsync());
        Assert.Equal((Reader, "Journey Reader"), (stored.Email, stored.Name));

        // When the day's briefing runs (with a second reader who will leave by one-click)
        await serve.Store.AddSubscriberAsync(new Subscriber(OneClickReader));
        await serve.ComposeAsync(today);
        Assert.Equal(2, await serve.SendQueuedAsync());

        // Then the reader's email arrives, and its "view in browser" link opens the web copy, cited, with no personal link
        var briefing = await EmailAsync(mail, Reader, "Digest for");
        var webCopy = Link(briefing.HtmlBody, "Read this briefing in your browser");
        Assert.Equal(Url(serve, $"/api/briefings/{today.ToIso()}"), webCopy);
        Assert.Matches(@"\[[^\]]+\]", briefing.TextBody);
        Assert.Equal(200, (await reader.GoAsync(webCopy)).Status);
        Assert.Equal(0, await reader.Page.Locator("a[href*='unsubscribe']").CountAsync());
        Assert.True(await reader.Page.Locator("h2#story-1 + p a").CountAsync() > 0, "The first story's sentences link to no source.");
        Assert.EndsWith($"/api/briefings/{today.AddDays(-1).ToIso()}", await reader.Page.Locator("a[rel=prev]").GetAttributeAsync("href"), StringComparison.Ordinal);
        problems.AddRange(await reader.CheckPageAsync("briefing-web-copy"));

        // When the reader follows the email's unsubscribe link and presses the button, the reader is removed
        Assert.Equal(200, (await reader.GoAsync(Link(briefing.HtmlBody, "Unsubscribe"))).Status);
        Assert.Equal("Unsubscribe from Digest?", await reader.HeadingAsync());
        problems.AddRange(await reader.CheckPageAsync("unsubscribe"));
        Assert.Equal(200, (await reader.FollowAsync(reader.Page.GetByRole(AriaRole.Button, new() { Name = "Unsubscribe" }))).Status);
        Assert.Equal("You are unsubscribed", await reader.HeadingAsync());
        problems.AddRange(await reader.CheckPageAsync("unsubscribed"));
        Assert.Equal([OneClickReader], await serve.Store.ListConfirmedAsync().Select(s => s.Email).ToListAsync());

        // And a mail provider's RFC 8058 one-click POST removes the other reader
        var header = (await EmailAsync(mail, OneClickReader, "Digest for")).Headers["List-Unsubscribe"]!;
        var oneClick = header.Split(',')[0].Trim().Trim('<', '>');
        using (var http = new HttpClient())
        using (var answer = await http.PostAsync(oneClick, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")])))
        {
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }

        Assert.Empty(await serve.Store.ListConfirmedAsync().ToListAsync());

        // The archive lists both briefings, newest first, each linking to its web copy
        Assert.Equal(200, (await reader.GoAsync(Url(serve, "/api/archive"))).Status);
        problems.AddRange(await reader.CheckPageAsync("archive"));
        Assert.Equal(2, await reader.Page.Locator("main li a").CountAsync());
        Assert.Equal(200, (await reader.FollowAsync(reader.Page.Locator("main li a").First)).Status);
        Assert.EndsWith($"/api/briefings/{today.ToIso()}", reader.Page.Url, StringComparison.Ordinal);

        Assert.Empty(problems);
    }

    [Fact]
    public async Task SubscribeForm_HostileInput_GetsAPageWithAClearMessageAndStoresNothing()
    {
        await using var serve = await ServeHost.StartAsync();
        await using var reader = await ReaderBrowser.OpenAsync(chromium, "198.51.100.44");
        var problems = new List<string>();

        var cases = new (string Name, string Email, string? ReaderName, int Status, string Heading)[]
        {
            ("line-break", "a@example.com\r\nBcc: victim@example.com", null, 400, "Invalid email address"),
            ("markup", "<script>alert(1)</script>@example.com", null, 400, "Invalid email address"),
            ("markup-name", "ok.reader@example.com", "<img src=x onerror=alert(1)>", 400, "Invalid name"),
            ("10kb-address", new string('a', 10 * 1024) + "@example.com", null, 413, "Too much data"),
        };
        for (var i = 0; i < cases.Length; i++)
        {
            var (name, email, readerName, status, heading) = cases[i];
            await reader.Page.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { ["X-Forwarded-For"] = $"192.0.2.{i + 1}" });
            await reader.GoAsync(Url(serve, "/api/subscribe"));
            // A hostile client is not held back by the browser's own checks: lift them, and send line breaks through a text area.
            await reader.Page.EvaluateAsync("""
                () => {
                  const form = document.querySelector('form');
                  form.noValidate = true;
                  const email = document.getElementById('email');
                  const area = document.createElement('textarea');
                  area.id = 'email'; area.name = 'email';
                  email.replaceWith(area);
                  document.getElementById('name').removeAttribute('maxlength');
                }
                """);
            await reader.Page.Locator("#email").FillAsync(email);
            if (readerName is not null)
            {
                await reader.Page.Locator("#name").FillAsync(readerName);
            }

            var response = await reader.FollowAsync(reader.Page.GetByRole(AriaRole.Button, new() { Name = "Subscribe" }));

            Assert.True(status == response.Status, $"{name}: answered {response.Status}, expected {status}");
            Assert.Equal(heading, await reader.HeadingAsync());
            Assert.Equal(0, await reader.Page.Locator("script, img").CountAsync());
            problems.AddRange(await reader.CheckPageAsync($"error-{name}"));
        }

        // A flood from one client: five forms are answered, the sixth gets a page asking to wait
        await reader.Page.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { ["X-Forwarded-For"] = "203.0.113.200" });
        var statuses = new List<int>();
        for (var i = 0; i < 6; i++)
        {
            await reader.GoAsync(Url(serve, "/api/subscribe"));
            await reader.Page.GetByLabel("Email address").FillAsync($"flood{i}@example.com");
            statuses.Add((await reader.FollowAsync(reader.Page.GetByRole(AriaRole.Button, new() { Name = "Subscribe" }))).Status);
        }

        Assert.Equal([202, 202, 202, 202, 202, 429], statuses);
        Assert.Equal("Too many requests", await reader.HeadingAsync());
        problems.AddRange(await reader.CheckPageAsync("error-too-many-requests"));

        Assert.Empty(await serve.Store.ListConfirmedAsync().ToListAsync());
        var outbox = Directory.GetFiles(Path.Combine(serve.DataFolder, "outbox"), "*.eml").Select(File.ReadAllText).ToArray();
        Assert.Equal(5, outbox.Length);
        Assert.All(outbox, eml => Assert.Contains("flood", eml, StringComparison.Ordinal));
        Assert.Empty(problems);
    }

    private static string Url(ServeHost serve, string pathAndQuery) => new Uri(serve.BaseAddress, pathAndQuery).ToString();

    private static string Link(string? html, string text) =>
        new HtmlParser().ParseDocument(html ?? string.Empty).QuerySelectorAll("a").First(a => a.TextContent.Trim() == text).GetAttribute("href")!;

    /// <summary>The email to <paramref name="recipient"/> whose subject starts so, waiting up to 15 seconds for it.</summary>
    private static async Task<MimeMessage> EmailAsync(MailDevServer mail, string recipient, string subjectStart)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var email = (await mail.EmailsToAsync(recipient))
                .FirstOrDefault(e => e.GetProperty("subject").GetString()!.StartsWith(subjectStart, StringComparison.Ordinal));
            if (email.ValueKind != System.Text.Json.JsonValueKind.Undefined)
            {
                return MimeMessage.Load(new MemoryStream(await mail.SourceAsync(email.GetProperty("id").GetString()!)));
            }

            Assert.True(DateTime.UtcNow < deadline, $"No email '{subjectStart}...' arrived for {recipient}.");
            await Task.Delay(200);
        }
    }
}
