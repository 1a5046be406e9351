using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Digest.Mail;
using Digest.Storage;
using Digest.Tests.Briefings.Rendering;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Digest.Tests.Mail;

/// <summary>
/// The SendGrid sender as the app registers it (<see cref="MailServices.AddDigestMail"/>: the SendGrid package's
/// client over the factory's HTTP client with its resilience handler), pointed at <see cref="LocalSendGrid"/>.
/// </summary>
public sealed class SendGridEmailSenderTests : IAsyncLifetime
{
    private LocalSendGrid _server = null!;
    private readonly List<ServiceProvider> _providers = [];
    private readonly string _data = Path.Combine(Path.GetTempPath(), "digest-sendgrid-tests", Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync() => _server = await LocalSendGrid.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }

        await _server.DisposeAsync();
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    private ServiceProvider Services(Action<SendGridOptions>? configure = null, ILogger<SendGridEmailSender>? log = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Mail:Sender"] = "sendgrid",
                ["Mail:SendGrid:ApiKey"] = LocalSendGrid.ApiKey,
                ["Mail:SendGrid:BaseUrl"] = _server.BaseUrl,
                ["Mail:SendGrid:RetryDelay"] = "00:00:00.020",
            })
            .Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddSingleton(MailTestSupport.Tokens)
            .AddSingleton<IDeliveryLog>(new LocalFolderStore(_data))
            .AddDigestMail(configuration, _data);
        services.PostConfigure<SendGridOptions>(options => configure?.Invoke(options));
        if (log is not null)
        {
            services.AddSingleton(log);
        }

        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return provider;
    }

    private IEmailSender Sender(Action<SendGridOptions>? configure = null) =>
        Assert.IsType<SendGridEmailSender>(Services(configure).GetRequiredService<IEmailSender>());

    private static EmailBatch Batch(params string[] recipients) =>
        MailTestSupport.Builder(o => o.ReplyTo = "editors@digest.example.org").BuildBatch(SampleBriefings.Typical(), recipients, MailTestSupport.SentAt);

    [Fact]
    public async Task SendBatchAsync_Accepted_PostsTheDocumentedJsonOnce()
    {
        var batch = Batch("ada@example.com", "bo@example.org");

        await Sender().SendBatchAsync(batch);

        var request = Assert.Single(_server.Requests);
        Assert.Equal($"Bearer {LocalSendGrid.ApiKey}", request.Authorization);
        Assert.StartsWith("application/json", request.ContentType);
        var json = request.Json;
        var tag = batch.Recipients[0].Substitutions.Keys.Single();
        var personalizations = json.GetProperty("personalizations").EnumerateArray().ToList();
        Assert.Equal(2, personalizations.Count);
        for (var i = 0; i < 2; i++)
        {
            var recipient = batch.Recipients[i];
            var token = recipient.Substitutions[tag];
            var expected = $$$"""
                {"to":[{"email":"{{{recipient.To.Address}}}"}],
                 "headers":{"List-Unsubscribe":"<{{{MailTestSupport.UnsubscribeUrl(recipient.To.Address)}}}>"},
                 "substitutions":{"{{{tag}}}":"{{{token}}}"},
                 "custom_args":{"message_id":"{{{recipient.MessageId}}}"}}
                """;
            AssertJsonEqual(expected, personalizations[i]);
        }

        AssertJsonEqual("""{"email":"digest@digest.example.org","name":"Digest"}""", json.GetProperty("from"));
        AssertJsonEqual("""{"email":"editors@digest.example.org"}""", json.GetProperty("reply_to"));
        Assert.Equal(batch.Subject, json.GetProperty("subject").GetString());
        var content = json.GetProperty("content").EnumerateArray().ToList();
        Assert.Equal(["text/plain", "text/html"], content.Select(c => c.GetProperty("type").GetString()));
        Assert.Equal(batch.TextBody, content[0].GetProperty("value").GetString());
        Assert.Equal(batch.HtmlBody, content[1].GetProperty("value").GetString());
        Assert.Contains(tag, batch.HtmlBody);
        AssertJsonEqual("""{"List-Unsubscribe-Post":"List-Unsubscribe=One-Click"}""", json.GetProperty("headers"));
        AssertJsonEqual("""["briefing"]""", json.GetProperty("categories"));
        Assert.False(json.TryGetProperty("mail_settings", out _));
        AssertJsonEqual(
            """{"click_tracking":{"enable":false,"enable_text":false},"open_tracking":{"enable":false},"subscription_tracking":{"enable":false}}""",
            json.GetProperty("tracking_settings"));
        Assert.Equal(
            ["categories", "content", "from", "headers", "personalizations", "reply_to", "subject", "tracking_settings"],
            json.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SendBatchAsync_ConfiguredCategories_ComeBeforeTheEmailsKind()
    {
        await Sender(o => o.Categories = ["digest", "daily", "digest"]).SendBatchAsync(Batch("ada@example.com"));

        AssertJsonEqual("""["digest","daily","briefing"]""", Assert.Single(_server.Requests).Json.GetProperty("categories"));
    }

    [Fact]
    public async Task SendBatchAsync_SandboxMode_AsksSendGridNotToDeliver()
    {
        await Sender(o => o.SandboxMode = true).SendBatchAsync(Batch("ada@example.com"));

        AssertJsonEqual("""{"sandbox_mode":{"enable":true}}""", Assert.Single(_server.Requests).Json.GetProperty("mail_settings"));
    }

    [Fact]
    public async Task SendAsync_SingleMessage_KeepsItsHeadersOnItsPersonalization()
    {
        var message = MailTestSupport.Builder().BuildConfirmation("ada@example.com", "https://digest.example.org/api/confirm?token=t.s");

        await Sender().SendAsync(message);

        var json = Assert.Single(_server.Requests).Json;
        var personalization = Assert.Single(json.GetProperty("personalizations").EnumerateArray());
        Assert.Equal("ada@example.com", personalization.GetProperty("to")[0].GetProperty("email").GetString());
        Assert.False(personalization.TryGetProperty("substitutions", out _));
        Assert.Equal(message.HtmlBody, json.GetProperty("content")[1].GetProperty("value").GetString());
        Assert.False(json.TryGetProperty("categories", out _));
    }

    [Fact]
    public async Task SendBatchAsync_BadRequest_ThrowsSendGridsMessagesWithoutAddressesAndDoesNotRetry()
    {
        _server.Then(400, LocalSendGrid.Errors("Does not contain a valid address: ada@example.com", "The from address does not match a verified Sender Identity."));

        var failure = await Assert.ThrowsAsync<EmailDeliveryException>(() => Sender().SendBatchAsync(Batch("ada@example.com")));

        Assert.Single(_server.Requests);
        Assert.True(failure.IsPermanent);
        Assert.Equal(400, failure.StatusCode);
        Assert.Contains("Does not contain a valid address: [address] (field personalizations.0.to)", failure.Message);
        Assert.Contains("The from address does not match a verified Sender Identity.", failure.Message);
        Assert.DoesNotContain("ada@example.com", failure.Message);
        Assert.DoesNotContain(LocalSendGrid.ApiKey, failure.Message);
    }

    [Fact]
    public async Task SendBatchAsync_WrongApiKey_FailsAtOnceWithSendGridsMessage()
    {
        var failure = await Assert.ThrowsAsync<EmailDeliveryException>(() => Sender(o => o.ApiKey = "SG.wrong").SendBatchAsync(Batch("ada@example.com")));

        Assert.Single(_server.Requests);
        Assert.Equal(401, failure.StatusCode);
        Assert.Contains("authorization grant is invalid", failure.Message);
        Assert.DoesNotContain("SG.wrong", failure.Message);
    }

    [Fact]
    public async Task SendBatchAsync_RateLimited_WaitsForTheResetThenSends()
    {
        var reset = DateTimeOffset.UtcNow.AddSeconds(2).ToUnixTimeSeconds();
        _server.Then(429, LocalSendGrid.Errors("too many requests"),
            ("X-RateLimit-Limit", "600"), ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", reset.ToString(CultureInfo.InvariantCulture)));
        var clock = Stopwatch.StartNew();

        await Sender(o => o.MaxAttempts = 1).SendBatchAsync(Batch("ada@example.com"));

        Assert.Equal(2, _server.Requests.Count);
        Assert.True(DateTimeOffset.UtcNow.ToUnixTimeSeconds() >= reset, "sent again before the limit reset");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), clock.Elapsed.ToString());
        Assert.Equal(_server.Requests.First().Body, _server.Requests.Last().Body);
    }

    [Fact]
    public async Task SendBatchAsync_RateLimitResetTooFarAway_FailsWithoutWaiting()
    {
        var reset = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        _server.Then(429, LocalSendGrid.Errors("too many requests"), ("X-RateLimit-Reset", reset.ToString(CultureInfo.InvariantCulture)));

        var failure = await Assert.ThrowsAsync<EmailDeliveryException>(() => Sender(o => o.MaxRateLimitWait = TimeSpan.FromSeconds(5)).SendBatchAsync(Batch("ada@example.com")));

        Assert.Single(_server.Requests);
        Assert.False(failure.IsPermanent);
        Assert.Equal(429, failure.StatusCode);
    }

    [Fact]
    public async Task SendBatchAsync_ServerErrorThenAccepted_RetriesTheSameRequest()
    {
        _server.Then(500, LocalSendGrid.Errors("internal error"));
        _server.Then(503);

        await Sender().SendBatchAsync(Batch("ada@example.com", "bo@example.org"));

        Assert.Equal(3, _server.Requests.Count);
        Assert.Single(_server.Requests.Select(r => r.Body).Distinct());
    }

    [Fact]
    public async Task SendBatchAsync_ServerErrorEveryTime_GivesUpAfterMaxAttemptsAndThrows()
    {
        for (var i = 0; i < 5; i++)
        {
            _server.Then(500, LocalSendGrid.Errors("internal error"));
        }

        var failure = await Assert.ThrowsAsync<EmailDeliveryException>(() => Sender(o => o.MaxAttempts = 3).SendBatchAsync(Batch("ada@example.com")));

        Assert.Equal(3, _server.Requests.Count);
        Assert.False(failure.IsPermanent);
        Assert.Equal(500, failure.StatusCode);
        Assert.Contains("internal error", failure.Message);
    }

    [Fact]
    public async Task SendBatchAsync_NobodyListening_RetriesThenThrows()
    {
        int closedPort;
        using (var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            listener.Start();
            closedPort = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        }

        var failure = await Assert.ThrowsAsync<EmailDeliveryException>(() =>
            Sender(o => { o.BaseUrl = $"http://127.0.0.1:{closedPort}"; o.MaxAttempts = 2; }).SendBatchAsync(Batch("ada@example.com")));

        Assert.False(failure.IsPermanent);
        Assert.Contains("after 2 attempts", failure.Message);
    }

    [Fact]
    public async Task SendBatchAsync_MoreRecipientsThanTheBatchSize_IsRefusedWithoutARequest()
    {
        var sender = Sender(o => o.BatchSize = 1);

        await Assert.ThrowsAsync<ArgumentException>(() => sender.SendBatchAsync(Batch("ada@example.com", "bo@example.org")));

        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task SendBatchAsync_HeaderWithLineBreak_IsRefusedWithoutARequest()
    {
        var batch = Batch("ada@example.com") with { Headers = new Dictionary<string, string> { ["X-Note"] = "a\r\nBcc: victim@example.com" } };

        await Assert.ThrowsAsync<ArgumentException>(() => Sender().SendBatchAsync(batch));

        Assert.Empty(_server.Requests);
    }

    [Fact]
    public void Constructor_WithoutApiKey_IsRefused()
    {
        var httpClients = Services().GetRequiredService<IHttpClientFactory>();

        Assert.Throws<ArgumentException>(() => new SendGridEmailSender(
            httpClients, Options.Create(new SendGridOptions { ApiKey = " " }), NullLogger<SendGridEmailSender>.Instance));
    }

    public static TheoryData<string, Func<EmailBatch, EmailBatch>> HeaderInjections => new()
    {
        { "subject", b => b with { Subject = "Hello\r\nBcc: victim@example.com" } },
        { "from name", b => b with { From = new MailAddress("digest@digest.example.org", "Digest\nBcc: victim@example.com") } },
        { "recipient header", b => b with { Recipients = [b.Recipients[0] with { Headers = new Dictionary<string, string> { ["List-Unsubscribe"] = "<https://a.example/>\r\nBcc: victim@example.com" } }] } },
        { "substitution", b => b with { Recipients = [b.Recipients[0] with { Substitutions = new Dictionary<string, string> { ["-tag-"] = "x\r\nBcc: victim@example.com" } }] } },
        { "reply-to", b => b with { Headers = new Dictionary<string, string> { ["Reply-To"] = "editors@example.org\nBcc: victim@example.com" } } },
    };

    [Theory]
    [MemberData(nameof(HeaderInjections))]
    public async Task SendBatchAsync_LineBreakInAnyHeaderValue_IsRefusedWithoutARequest(string where, Func<EmailBatch, EmailBatch> inject)
    {
        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => Sender().SendBatchAsync(inject(Batch("ada@example.com"))));

        Assert.False(string.IsNullOrWhiteSpace(error.Message), where);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task BriefingMailer_2500Subscribers_SendsThreeRequestsAndRecordsEveryone()
    {
        var recipients = Enumerable.Range(0, 2500).Select(i => $"reader{i}@example.com").ToList();
        var store = new LocalFolderStore(_data);
        var mailer = new BriefingMailer(MailTestSupport.Builder(), Sender(), store, new Digest.Tests.TestSupport.ManualTime(MailTestSupport.SentAt), NullLogger<BriefingMailer>.Instance);

        var report = await mailer.SendAsync(SampleBriefings.Typical(), recipients);
        var again = await mailer.SendAsync(SampleBriefings.Typical(), recipients);

        Assert.Equal([1000, 1000, 500], _server.Requests.Select(r => r.Json.GetProperty("personalizations").GetArrayLength()));
        var sentTo = _server.Requests.SelectMany(r => r.Json.GetProperty("personalizations").EnumerateArray())
            .Select(p => p.GetProperty("to")[0].GetProperty("email").GetString()!).ToList();
        Assert.Equal(recipients, sentTo);
        Assert.Equal(new DeliveryReport(2500, 0, []), report with { Invalid = [] });
        Assert.Equal(0, again.Sent);
        Assert.Equal(2500, again.AlreadySent);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task BriefingMailer_SecondBatchRefused_ThrowsAndTheRerunSendsOnlyWhatWasNotAccepted()
    {
        var recipients = Enumerable.Range(0, 5).Select(i => $"reader{i}@example.com").ToList();
        var store = new LocalFolderStore(_data);
        var mailer = new BriefingMailer(MailTestSupport.Builder(), Sender(o => o.BatchSize = 2), store, new Digest.Tests.TestSupport.ManualTime(MailTestSupport.SentAt), NullLogger<BriefingMailer>.Instance);
        _server.Then(202);
        _server.Then(400, LocalSendGrid.Errors("Invalid type. Expected: object, given: string."));

        await Assert.ThrowsAsync<EmailDeliveryException>(() => mailer.SendAsync(SampleBriefings.Typical(), recipients));
        var rerun = await mailer.SendAsync(SampleBriefings.Typical(), recipients);

        Assert.Equal(2, rerun.AlreadySent);
        Assert.Equal(3, rerun.Sent);
        var lastTwoRequests = _server.Requests.Skip(2).SelectMany(r => r.Json.GetProperty("personalizations").EnumerateArray())
            .Select(p => p.GetProperty("to")[0].GetProperty("email").GetString());
        Assert.Equal(recipients.Skip(2), lastTwoRequests);
    }

    private static void AssertJsonEqual(string expected, JsonElement actual) =>
        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(expected).RootElement, actual), $"expected {expected}\nactual   {actual}");

    [Fact]
    public async Task BriefingMailer_FailingBatch_LogsNeitherAddressesNorTheApiKey()
    {
        var recipients = new[] { "secret.reader@example.com", "other.reader@example.org" };
        var senderLog = new CollectingLogger<SendGridEmailSender>();
        var mailerLog = new CollectingLogger<BriefingMailer>();
        var sender = Services(log: senderLog).GetRequiredService<IEmailSender>();
        var mailer = new BriefingMailer(MailTestSupport.Builder(), sender, new LocalFolderStore(_data), TimeProvider.System, mailerLog);
        _server.Then(500, LocalSendGrid.Errors($"Temporary failure for {recipients[0]}"));
        _server.Then(400, LocalSendGrid.Errors($"Invalid email {recipients[1]}"));

        var failure = await Assert.ThrowsAsync<EmailDeliveryException>(() => mailer.SendAsync(SampleBriefings.Typical(), recipients));

        var logged = senderLog.Lines.Concat(mailerLog.Lines).Append(failure.Message).ToList();
        Assert.Contains(logged, line => line.Contains("retrying", StringComparison.Ordinal));
        Assert.Contains(logged, line => line.Contains("was not accepted", StringComparison.Ordinal));
        Assert.All(logged, line =>
        {
            Assert.DoesNotContain("reader@", line);
            Assert.DoesNotContain(LocalSendGrid.ApiKey, line);
        });
    }
}
