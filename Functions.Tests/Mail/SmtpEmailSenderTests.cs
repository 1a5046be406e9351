using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Digest.Mail;
using Digest.Storage;
using Digest.Tests.Briefings.Rendering;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Digest.Tests.Mail;

/// <summary>One maildev for the class; each test writes to its own addresses and reads back only those.</summary>
public sealed class MailDevFixture : IAsyncLifetime
{
    internal MailDevServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await MailDevServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

[Trait("Category", "Smtp")]
public sealed class SmtpEmailSenderTests(MailDevFixture maildev) : IClassFixture<MailDevFixture>
{
    private SmtpEmailSender Sender(int? port = null, Action<SmtpOptions>? configure = null)
    {
        var options = new SmtpOptions { Host = "127.0.0.1", Port = port ?? maildev.Server.SmtpPort, TimeoutSeconds = 10 };
        configure?.Invoke(options);
        return new SmtpEmailSender(Options.Create(options), TimeProvider.System, NullLogger<SmtpEmailSender>.Instance);
    }

    private static string UniqueAddress() => $"reader-{Guid.NewGuid():N}@example.com";

    private Task<List<JsonElement>> ArrivedFor(string address) => maildev.Server.EmailsToAsync(address);

    [Fact]
    public async Task SendAsync_BriefingEmail_ArrivesAsWrittenWithHeadersBothPartsAndLinks()
    {
        var recipient = UniqueAddress();
        var message = MailTestSupport.Builder(o => o.UnsubscribeMailto = "leave@digest.example.org").Build(SampleBriefings.Typical(), recipient, MailTestSupport.SentAt);

        await Sender().SendAsync(message);

        var mail = Assert.Single(await ArrivedFor(recipient));
        var headers = mail.GetProperty("headers");
        Assert.Equal(message.Subject, mail.GetProperty("subject").GetString());
        Assert.Equal("digest@digest.example.org", mail.GetProperty("from")[0].GetProperty("address").GetString());
        Assert.Equal("Digest", mail.GetProperty("from")[0].GetProperty("name").GetString());
        Assert.Equal("digest@digest.example.org", mail.GetProperty("envelope").GetProperty("from").GetProperty("address").GetString());
        Assert.Equal($"<{message.MessageId}>", headers.GetProperty("message-id").GetString());
        Assert.Equal(message.Headers["List-Unsubscribe"], headers.GetProperty("list-unsubscribe").GetString());
        Assert.Contains("mailto:leave@digest.example.org", headers.GetProperty("list-unsubscribe").GetString());
        Assert.Equal("List-Unsubscribe=One-Click", headers.GetProperty("list-unsubscribe-post").GetString());

        var unsubscribe = MailTestSupport.UnsubscribeUrl(recipient);
        var text = mail.GetProperty("text").GetString()!;
        var html = new HtmlParser().ParseDocument(mail.GetProperty("html").GetString()!);
        var links = html.QuerySelectorAll("a").Select(a => (Href: a.GetAttribute("href"), Text: a.TextContent)).ToList();
        foreach (var story in SampleBriefings.Typical().Stories)
        {
            Assert.Contains(story.Headline, text);
            Assert.Contains(story.Headline, html.QuerySelectorAll("h2").Select(h => h.TextContent));
            foreach (var source in story.Sources.Where(s => s.Url is not null))
            {
                Assert.Contains((source.Url, source.Outlet), links);
                Assert.Contains($"{source.Outlet} [{source.Url}]", text);
            }
        }

        Assert.Contains((unsubscribe, "Unsubscribe"), links);
        Assert.Contains(("https://digest.example.org/api/briefings/2026-11-20", "View in browser"), links);
        Assert.Contains(unsubscribe, text);

        using var written = new MemoryStream();
        EmailMime.Write(message, written);
        Assert.Equal(written.ToArray(), await maildev.Server.SourceAsync(mail.GetProperty("id").GetString()!));
    }

    [Fact]
    public async Task SendAsync_LinesStartingWithDots_ArriveUnchanged()
    {
        var recipient = UniqueAddress();
        var body = ".\n..\n.hidden line\nend.\n.";
        var message = MailTestSupport.Builder().BuildConfirmation(recipient, "https://digest.example.org/api/confirm?token=t.s") with
        {
            TextBody = body,
            HtmlBody = body,
        };

        await Sender().SendAsync(message);

        var mail = Assert.Single(await ArrivedFor(recipient));
        using var written = new MemoryStream();
        EmailMime.Write(message, written);
        Assert.Equal(written.ToArray(), await maildev.Server.SourceAsync(mail.GetProperty("id").GetString()!));
        Assert.StartsWith(".\n..\n.hidden line\nend.\n.", mail.GetProperty("text").GetString()!.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task BriefingMailer_OverSmtp_DeliversOneEmailPerReaderOnceAcrossReruns()
    {
        var recipients = Enumerable.Range(0, 3).Select(_ => UniqueAddress()).ToList();
        var data = Directory.CreateTempSubdirectory("digest-smtp-mailer-").FullName;
        try
        {
            var mailer = new BriefingMailer(MailTestSupport.Builder(), Sender(), new LocalFolderStore(data), new Digest.Tests.TestSupport.ManualTime(MailTestSupport.SentAt), NullLogger<BriefingMailer>.Instance);

            var first = await mailer.SendAsync(SampleBriefings.Typical(), [.. recipients, "not an address"]);
            var rerun = await mailer.SendAsync(SampleBriefings.Typical(), recipients);

            Assert.Equal(3, first.Sent);
            Assert.Equal(["not an address"], first.Invalid);
            Assert.Equal(3, rerun.AlreadySent);
            Assert.Equal(0, rerun.Sent);
            foreach (var recipient in recipients)
            {
                var mail = Assert.Single(await ArrivedFor(recipient));
                Assert.Equal($"<{MailTestSupport.UnsubscribeUrl(recipient)}>", mail.GetProperty("headers").GetProperty("list-unsubscribe").GetString());
            }
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task SendAsync_StartTlsRequiredButNotOffered_FailsPermanentlyAndSendsNothing()
    {
        var recipient = UniqueAddress();

        var failure = await Assert.ThrowsAsync<EmailDeliveryException>(() =>
            Sender(configure: o => o.UseStartTls = true).SendAsync(MailTestSupport.Builder().Build(SampleBriefings.Typical(), recipient, MailTestSupport.SentAt)));

        Assert.True(failure.IsPermanent);
        Assert.Contains("STARTTLS", failure.Message);
        Assert.Empty(await ArrivedFor(recipient));
    }

    [Fact]
    public async Task SendAsync_CredentialsForAServerWithoutAuth_FailsPermanently()
    {
        var recipient = UniqueAddress();

        var failure = await Assert.ThrowsAsync<EmailDeliveryException>(() =>
            Sender(configure: o => { o.UserName = "digest"; o.Password = "secret-password"; }).SendAsync(MailTestSupport.Builder().Build(SampleBriefings.Typical(), recipient, MailTestSupport.SentAt)));

        Assert.True(failure.IsPermanent);
        Assert.DoesNotContain("secret-password", failure.Message);
        Assert.Empty(await ArrivedFor(recipient));
    }

    [Fact]
    public async Task SendAsync_NothingListening_RetriesThenThrows()
    {
        int closedPort;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var failure = await Assert.ThrowsAsync<EmailDeliveryException>(() =>
            Sender(closedPort, o => o.MaxAttempts = 2).SendAsync(MailTestSupport.Builder().Build(SampleBriefings.Typical(), UniqueAddress(), MailTestSupport.SentAt)));

        Assert.False(failure.IsPermanent);
        Assert.Contains("after 2 attempt(s)", failure.Message);
    }

    [Fact]
    public async Task SendAsync_HeaderInjectionAttempt_IsRefusedBeforeConnecting()
    {
        var recipient = UniqueAddress();
        var message = MailTestSupport.Builder().Build(SampleBriefings.Typical(), recipient, MailTestSupport.SentAt) with { Subject = "Hi\r\nBcc: victim@example.com" };

        await Assert.ThrowsAsync<ArgumentException>(() => Sender().SendAsync(message));

        Assert.Empty(await ArrivedFor(recipient));
    }
}

[Trait("Category", "Smtp")]
public sealed class SmtpAuthenticationTests : IAsyncLifetime
{
    private MailDevServer _server = null!;

    public async Task InitializeAsync() => _server = await MailDevServer.StartAsync("digest", "s3cret-pass");

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private SmtpEmailSender Sender(string password) => new(
        Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = _server.SmtpPort, UserName = "digest", Password = password, TimeoutSeconds = 10 }),
        TimeProvider.System,
        NullLogger<SmtpEmailSender>.Instance);

    [Fact]
    public async Task SendAsync_WithTheRightCredentials_AuthenticatesAndDelivers()
    {
        await Sender("s3cret-pass").SendAsync(MailTestSupport.Builder().Build(SampleBriefings.Typical(), "ada@example.com", MailTestSupport.SentAt));

        var mail = Assert.Single(await _server.EmailsToAsync("ada@example.com"));
        Assert.Equal("ada@example.com", mail.GetProperty("to")[0].GetProperty("address").GetString());
    }

    [Fact]
    public async Task SendAsync_WithAWrongPassword_FailsPermanentlyWithoutRetrying()
    {
        var failure = await Assert.ThrowsAsync<EmailDeliveryException>(() =>
            Sender("wrong-pass").SendAsync(MailTestSupport.Builder().Build(SampleBriefings.Typical(), "ada@example.com", MailTestSupport.SentAt)));

        Assert.True(failure.IsPermanent);
        Assert.Contains("1 attempt", failure.Message);
        Assert.Equal(535, failure.StatusCode);
        Assert.DoesNotContain("wrong-pass", failure.Message);
        Assert.Empty(await _server.EmailsAsync());
    }
}
