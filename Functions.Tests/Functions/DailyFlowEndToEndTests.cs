using Digest.Functions;
using Digest.Mail;
using Digest.Storage;
using Digest.Storage.AzureStorage;
using Digest.Tests.Storage;
using Digest.Tests.TestSupport;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Tests.Functions;

/// <summary>
/// The whole day on Azurite through the function classes, with the test playing the Functions host: articles land in
/// the <c>articles</c> container and SummarizeArticle gets each one, the ComposeBriefing timer composes and fans out to
/// the real <c>email-jobs</c> queue, and every queued message is handed to SendBriefing. Every reader gets exactly one
/// briefing; redelivery sends nothing twice, and a message SendBriefing cannot use ends in the poison queue.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DailyFlowEndToEndTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly string Samples = Path.Combine(AppContext.BaseDirectory, "samples");
    private static readonly string[] Readers = ["ada@example.com", "edsger@example.com", "grace@example.com"];

    private readonly string dataFolder = Directory.CreateTempSubdirectory("digest-e2e-").FullName;
    private readonly ManualTime time = new(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
    private readonly StorageLayout layout = StorageLayout.WithSuffix(Guid.NewGuid().ToString("N")[..10]);

    private FunctionApp app = null!;
    private AzureStorageStore store = null!;

    public Task InitializeAsync()
    {
        store = new AzureStorageStore(azurite.CreateClients(), layout);
        app = FunctionApp.Create(
            dataFolder,
            services =>
            {
                services.AddSingleton<TimeProvider>(time);
                services.AddSingleton<IDigestStore>(store);
            },
            $"AzureWebJobsStorage={azurite.ConnectionString}");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        Directory.Delete(dataFolder, recursive: true);
    }

    private string[] OutboxRecipients() =>
        Directory.Exists(Path.Combine(dataFolder, "outbox"))
            ? Directory.GetFiles(Path.Combine(dataFolder, "outbox"), "*.eml")
                .Select(File.ReadAllText)
                .Select(eml => eml.Split("\r\n").First(line => line.StartsWith("To: ", StringComparison.Ordinal))[4..].Trim('<', '>', ' '))
                .Order(StringComparer.Ordinal)
                .ToArray()
            : [];

    private Task FireTimerAsync() => app.Function<ComposeBriefing>().RunAsync(new TimerInfo(), CancellationToken.None);

    [Fact]
    public async Task DailyFlow_ArticlesToInboxes_EveryReaderGetsExactlyOneBriefing()
    {
        // Editors upload; Event Grid delivers one event per blob (one article twice, as Event Grid may).
        var summarize = app.Function<SummarizeArticle>();
        foreach (var file in Directory.GetFiles(Path.Combine(Samples, "articles")).Append(Path.Combine(Samples, "rejects", "empty.txt")))
        {
            Assert.True(await store.AddArticleAsync(new StoredArticle(Path.GetFileName(file), await File.ReadAllBytesAsync(file))));
            var stored = await store.GetArticleAsync(Path.GetFileName(file));
            await summarize.RunAsync(new MemoryStream(stored!.Content), stored.Name, CancellationToken.None);
        }

        var again = await store.GetArticleAsync("selkie-launch-valley-ledger.json");
        await summarize.RunAsync(new MemoryStream(again!.Content), again.Name, CancellationToken.None);
        foreach (var reader in Readers)
        {
            await store.AddSubscriberAsync(new Subscriber(reader));
        }

        // The timer fires just after the cutoff: the briefing of 21 November holds what was summarized on the 20th.
        time.Now = new DateTimeOffset(2026, 11, 21, 6, 0, 5, TimeSpan.Zero);
        await FireTimerAsync();
        var briefing = await store.FindAsync(new DateOnly(2026, 11, 21));
        Assert.Equal(7, briefing!.Stories.Count);
        Assert.Equal("empty.txt", Assert.Single(briefing.Rejected).Article);

        // A rerun (a retry, or a past-due run) queues nothing again.
        await FireTimerAsync();

        // The host hands each queued message to SendBriefing.
        var job = await store.ReceiveAsync(TimeSpan.FromMinutes(1));
        Assert.NotNull(job);
        Assert.Null(await store.ReceiveAsync(TimeSpan.FromMinutes(1)));
        var send = app.Function<SendBriefing>();
        await send.RunAsync(job.Body, CancellationToken.None);
        await store.CompleteAsync(job);
        Assert.Equal(Readers, OutboxRecipients());

        // The same message delivered again sends nothing.
        await send.RunAsync(job.Body, CancellationToken.None);
        Assert.Equal(Readers, OutboxRecipients());
    }

    [Fact]
    public async Task SendBriefing_UnusableMessage_FailsEachDeliveryAndEndsInThePoisonQueue()
    {
        await store.EnqueueAsync("""{"date":"2026-11-21","batch":0,"recipients":null}""");
        var send = app.Function<SendBriefing>();

        var deliveries = 0;
        while (await store.ReceiveAsync(TimeSpan.FromSeconds(1)) is { } job)
        {
            deliveries++;
            var failure = await Assert.ThrowsAsync<UnusableEmailJobException>(() => send.RunAsync(job.Body, CancellationToken.None));
            Assert.Contains("no recipients", failure.Message, StringComparison.Ordinal);
            await Task.Delay(TimeSpan.FromSeconds(1.2));
        }

        Assert.Equal(IJobQueue.MaxDequeueCount, deliveries);
        Assert.Contains("recipients", Assert.Single(await store.PeekPoisonAsync()), StringComparison.Ordinal);
        Assert.Empty(OutboxRecipients());
    }

    [Fact]
    public async Task ComposeBriefing_DayWithoutArticles_SendsNothing()
    {
        await store.AddSubscriberAsync(new Subscriber("ada@example.com"));
        time.Now = new DateTimeOffset(2026, 11, 23, 6, 0, 5, TimeSpan.Zero);

        await FireTimerAsync();

        Assert.Empty((await store.FindAsync(new DateOnly(2026, 11, 23)))!.Stories);
        Assert.Null(await store.ReceiveAsync(TimeSpan.FromSeconds(5)));
    }
}
