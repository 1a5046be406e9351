using System.Text.Json;
using AngleSharp.Html.Parser;
using Digest.Cli;
using Digest.Mail;

namespace Digest.Tests.Mail;

/// <summary>
/// <c>run --to ...</c> on the samples writes .eml files a mail client opens: read with MimeKit here, and handed to
/// maildev over SMTP (MailKit), whose mail parser (the one its web client uses) must find the same headers, both parts
/// and the links.
/// </summary>
[Trait("Category", "Smtp")]
public sealed class RunOutboxTests(MailDevFixture maildev) : IClassFixture<MailDevFixture>, IDisposable
{
    private static readonly string Samples = Path.Combine(AppContext.BaseDirectory, "samples");
    private readonly string _out = Directory.CreateTempSubdirectory("digest-run-outbox-").FullName;

    public void Dispose() => Directory.Delete(_out, recursive: true);

    [Fact]
    public async Task Run_WithTo_WritesEmlFilesThatAMailClientOpens()
    {
        var recipients = new[] { $"ada-{Guid.NewGuid():N}@example.com", $"bo-{Guid.NewGuid():N}@example.org" };
        var output = new StringWriter();

        var exit = await DigestCli.InvokeAsync(
            ["run", Path.Combine(Samples, "articles"), "--out", _out, "--date", "2026-11-20", "--to", recipients[0], "--to", recipients[1]], output, output);

        Assert.True(exit == 0, output.ToString());
        var files = Directory.GetFiles(Path.Combine(_out, "outbox"), "*.eml");
        Assert.Equal(2, files.Length);
        var briefing = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_out, "briefings", "2026-11-20.json"))).RootElement;
        var headlines = briefing.GetProperty("stories").EnumerateArray().Select(s => s.GetProperty("headline").GetString()!).ToList();
        foreach (var file in files)
        {
            var bytes = await File.ReadAllBytesAsync(file);
            var mail = MimeMessages.Parse(bytes);
            var to = mail.Header("To");
            Assert.Contains(to, recipients);
            Assert.StartsWith($"Digest for November 20, 2026: {headlines[0]}"[..40], mail.Header("Subject"));
            Assert.Matches(@"^<briefing-2026-11-20-[0-9a-f]{16}@digest\.local>$", mail.Header("Message-ID"));
            var from = Assert.Single(mail.From.Mailboxes);
            Assert.Equal(("Digest", "digest@localhost"), (from.Name, from.Address));
            Assert.Matches(@"^<http://localhost:7071/api/unsubscribe\?token=[A-Za-z0-9_\-]+>$", mail.Header("List-Unsubscribe"));
            Assert.Equal("List-Unsubscribe=One-Click", mail.Header("List-Unsubscribe-Post"));
            Assert.True(mail.HasHeader("Date"));

            using (var smtp = new MailKit.Net.Smtp.SmtpClient())
            {
                await smtp.ConnectAsync("127.0.0.1", maildev.Server.SmtpPort, MailKit.Security.SecureSocketOptions.None);
                await smtp.SendAsync(mail);
                await smtp.DisconnectAsync(quit: true);
            }

            var arrived = Assert.Single(await maildev.Server.EmailsToAsync(to));
            Assert.Equal(mail.Header("Subject"), arrived.GetProperty("subject").GetString());
            Assert.Equal(mail.Header("List-Unsubscribe"), arrived.GetProperty("headers").GetProperty("list-unsubscribe").GetString());
            var text = arrived.GetProperty("text").GetString()!;
            var html = new HtmlParser().ParseDocument(arrived.GetProperty("html").GetString()!);
            Assert.Equal(headlines, html.QuerySelectorAll("h2").Select(h => h.TextContent));
            Assert.All(headlines, headline => Assert.Contains(headline.Split(' ')[0], text));
            var unsubscribe = mail.Header("List-Unsubscribe").Trim('<', '>');
            Assert.Contains(html.QuerySelectorAll("a"), a => a.GetAttribute("href") == unsubscribe && a.TextContent == "Unsubscribe");
            Assert.Contains(unsubscribe, text);
            Assert.All(html.QuerySelectorAll("a"), a => Assert.False(string.IsNullOrWhiteSpace(a.TextContent)));
        }
    }
}
