using System.Net;
using System.Text;
using System.Text.Json;
using Digest.Hosting;
using Digest.Storage;
using Digest.Storage.AzureStorage;
using Digest.Tests.Storage;
using Digest.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Tests.Hosting;

/// <summary>
/// The whole day on Azurite with the test playing the Functions host: articles land in the <c>articles</c>
/// container and are summarized, the timer composes and fans out to the real <c>email-jobs</c> queue, and every
/// queued message is handed to SendBriefing. Every reader gets exactly one briefing; redelivery and poison messages
/// send nothing twice and lose nothing.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DailyFlowEndToEndTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly string Samples = Path.Combine(AppContext.BaseDirectory, "samples");
    private static readonly string[] Readers = ["ada@example.com", "grace@example.com", "edsger@example.com"];

    private readonly string dataFolder = Directory.CreateTempSubdirectory("digest-e2e-").FullName;
    private readonly ManualTime time = new(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
    private readonly StorageLayout layout = StorageLayout.WithSuffix(Guid.NewGuid().ToString("N")[..10]);

    private RunningHandler? handler;
    private AzureStorageStore store = null!;

    private HttpClient Client => handler!.Client;

    public async Task InitializeAsync()
    {
        store = new AzureStorageStore(azurite.CreateAccount(), layout);
        handler = await RunningHandler.StartAsync(
            dataFolder,
            services =>
            {
                // The app's clock is the test's; storage requests keep the real time for their signatures.
                services.AddSingleton<TimeProvider>(time);
                services.AddSingleton<IDigestStore>(store);
            },
            $"AzureWebJobsStorage={azurite.ConnectionString}");
    }

    public async Task DisposeAsync()
    {
        await handler!.DisposeAsync();
        Directory.Delete(dataFolder, recursive: true);
    }

    private async Task<(HttpStatusCode Status, string ReturnValue)> InvokeAsync(string function, object payload)
    {
        using var response = await Client.PostAsync("/" + function, new StringContent(JsonSerializer.Serialize(payload), Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.IsSuccessStatusCode ? JsonDocument.Parse(body).RootElement.GetProperty("ReturnValue").GetString()! : body);
    }

    private Task<(HttpStatusCode Status, string ReturnValue)> SummarizeAsync(string name, byte[] content) => InvokeAsync(FunctionCatalog.SummarizeArticle, new
    {
        Data = new Dictionary<string, object> { [FunctionCatalog.ArticleBinding] = Convert.ToBase64String(content) },
        Metadata = new Dictionary<string, object> { ["name"] = JsonSerializer.Serialize(name), ["sys"] = new { MethodName = FunctionCatalog.SummarizeArticle } },
    });

    private Task<(HttpStatusCode Status, string ReturnValue)> TimerAsync() => InvokeAsync(FunctionCatalog.ComposeBriefing, new
    {
        Data = new Dictionary<string, object> { [FunctionCatalog.TimerBinding] = new { Schedule = new { AdjustForDST = true }, ScheduleStatus = (object?)null, IsPastDue = false } },
        Metadata = new Dictionary<string, object> { ["sys"] = new { MethodName = FunctionCatalog.ComposeBriefing, UtcNow = time.Now } },
    });

    private Task<(HttpStatusCode Status, string ReturnValue)> SendAsync(string messageText, int dequeueCount = 1) => InvokeAsync(FunctionCatalog.SendBriefing, new
    {
        Data = new Dictionary<string, object> { [FunctionCatalog.JobBinding] = Convert.ToBase64String(Encoding.UTF8.GetBytes(messageText)) },
        Metadata = new Dictionary<string, object> { ["DequeueCount"] = dequeueCount.ToString(System.Globalization.CultureInfo.InvariantCulture), ["sys"] = new { MethodName = FunctionCatalog.SendBriefing } },
    });

    private string[] OutboxRecipients() =>
        Directory.Exists(Path.Combine(dataFolder, "outbox"))
            ? Directory.GetFiles(Path.Combine(dataFolder, "outbox"), "*.eml")
                .Select(File.ReadAllText)
                .Select(eml => eml.Split("\r\n").First(line => line.StartsWith("To: ", StringComparison.Ordinal))[4..].Trim('<', '>', ' '))
                .Order(StringComparer.Ordinal)
                .ToArray()
            : [];

    [Fact]
    public async Task DailyFlow_ArticlesToInboxes_EveryReaderGetsExactlyOneBriefing()
    {
        // Editors upload; Event Grid delivers one event per blob (one article twice, as Event Grid may).
        foreach (var file in Directory.GetFiles(Path.Combine(Samples, "articles")).Append(Path.Combine(Samples, "rejects", "empty.txt")))
        {
            var content = await File.ReadAllBytesAsync(file);
            Assert.True(await store.AddArticleAsync(new StoredArticle(Path.GetFileName(file), content)));
            var stored = await store.GetArticleAsync(Path.GetFileName(file));
            Assert.Equal(HttpStatusCode.OK, (await SummarizeAsync(stored!.Name, stored.Content)).Status);
        }

        var again = await store.GetArticleAsync("selkie-launch-valley-ledger.json");
        Assert.Equal("AlreadySummarized", (await SummarizeAsync(again!.Name, again.Content)).ReturnValue);
        foreach (var reader in Readers)
        {
            await store.AddSubscriberAsync(new Subscriber(reader));
        }

        // The timer fires just after the cutoff: the briefing of 21 November holds what was summarized on the 20th.
        time.Now = new DateTimeOffset(2026, 11, 21, 6, 0, 5, TimeSpan.Zero);
        var (status, composed) = await TimerAsync();
        Assert.Equal(HttpStatusCode.OK, status);
        var briefing = await store.FindAsync(new DateOnly(2026, 11, 21));
        Assert.True(briefing!.Stories.Count == 7, string.Join("\n", briefing.Stories.Select(s => s.Headline + " :: " + string.Join(", ", s.Sources.Select(x => x.Article)))));
        Assert.Equal("2026-11-21: 7 stories, 1 batches queued", composed);
        Assert.Equal(7, briefing!.Stories.Count);
        Assert.Equal("empty.txt", Assert.Single(briefing.Rejected).Article);

        // A rerun (or a past-due run) composes nothing new and queues nothing again.
        Assert.Equal("2026-11-21: 7 stories, 0 batches queued", (await TimerAsync()).ReturnValue);

        // The host hands each queued message to SendBriefing.
        var job = await store.ReceiveAsync(TimeSpan.FromMinutes(1));
        Assert.NotNull(job);
        Assert.Null(await store.ReceiveAsync(TimeSpan.FromMinutes(1)));
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(job.Body)).Status);
        await store.CompleteAsync(job);
        Assert.Equal(Readers.Order(StringComparer.Ordinal), OutboxRecipients());

        // The same message delivered again sends nothing.
        var (redelivered, report) = await SendAsync(job.Body, dequeueCount: 2);
        Assert.Equal(HttpStatusCode.OK, redelivered);
        Assert.Equal("batch 0: 0 sent, 3 already sent, 0 invalid", report);
        Assert.Equal(3, OutboxRecipients().Length);

        // A message that is not an email job fails (so the host retries it into the poison queue) and sends nothing.
        var (poison, _) = await SendAsync("{\"not\": \"a job\"}");
        Assert.Equal(HttpStatusCode.BadRequest, poison);
        Assert.Equal(3, OutboxRecipients().Length);
    }

    [Fact]
    public async Task ComposeBriefing_DayWithoutArticles_SendsNothing()
    {
        await store.AddSubscriberAsync(new Subscriber("ada@example.com"));
        time.Now = new DateTimeOffset(2026, 11, 23, 6, 0, 5, TimeSpan.Zero);

        var (status, composed) = await TimerAsync();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("2026-11-23: 0 stories, 0 batches queued", composed);
        Assert.Null(await store.ReceiveAsync(TimeSpan.FromSeconds(5)));
    }
}
