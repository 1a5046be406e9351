using Digest.Briefings;
using Digest.Mail;
using Digest.Storage;
using Digest.Storage.AzureStorage;
using Digest.Tests.Briefings.Rendering;
using Digest.Tests.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Digest.Tests.Mail;

/// <summary>
/// Each reader gets each briefing once, over real SMTP (maildev) and real storage (Azurite, the local folder): when one
/// job is delivered many times at once, when two senders on independent stores share the data, and when storage stops
/// in the middle of a send and the job is delivered again.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Smtp")]
public sealed class OneEmailPerReaderTests(AzuriteFixture azurite, MailDevFixture maildev) : IClassFixture<MailDevFixture>, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("digest-once-").FullName;
    private readonly StorageLayout layout = StorageLayout.WithSuffix(AzuriteFixture.UniqueName("o"));
    private readonly Briefing briefing = SampleBriefings.Typical();

    public void Dispose() => Directory.Delete(folder, recursive: true);

    public static TheoryData<string> Stores => ["local", "azure"];

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task OneJobDeliveredTwentyTimesAtOnce_OnTwoStoreInstances_SendsOneEmailPerReader(string kind)
    {
        var readers = Readers(10);
        var stores = new[] { CreateStore(kind), CreateStore(kind) };
        await stores[0].SaveAsync(new StoredBriefing(briefing, "<p>briefing</p>", "briefing"));
        var job = new EmailJob(briefing.Date, 0, readers).ToMessage();

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => DeliverUntilDoneAsync(Handler(stores[i % 2], Sender()), job))));

        await AssertOneEmailEachAsync(readers);
    }

    /// <summary>
    /// Storage goes away right after the mail server accepted the third email (its delivery record not yet written) and
    /// comes back once the SDK has been refused twice: an outage that ends by what the client did, within the SDK's
    /// retries, never by a clock a busy machine can outrun (what happens when storage stays away longer is in
    /// <c>StorageFaultTests</c>: the retriable error, nothing lost).
    /// </summary>
    [Fact]
    public async Task StorageGoneMidSendAndBack_ThenTheJobRedelivered_SendsOneEmailPerReader()
    {
        await using var proxy = new OutageProxy(azurite.TablePort);
        var connection = azurite.ConnectionString.Replace($"127.0.0.1:{azurite.TablePort}/", $"127.0.0.1:{proxy.Port}/", StringComparison.Ordinal);
        var store = new AzureStorageStore(StorageClients.FromConnectionString(connection), layout);
        await store.SaveAsync(new StoredBriefing(briefing, "<p>briefing</p>", "briefing"));
        var readers = Readers(6);
        var job = new EmailJob(briefing.Date, 0, readers).ToMessage();
        Task? back = null;
        var sender = new AfterEachSend(Sender(), sent =>
        {
            if (sent == 3)
            {
                proxy.GoDown();
                back = proxy.WhenRefusedAsync(2).ContinueWith(_ => proxy.ComeBack(), TaskScheduler.Default);
            }
        });

        await DeliverUntilDoneAsync(Handler(store, sender), job);
        await back!;
        var redelivered = await Handler(store, Sender()).HandleAsync(job);

        Assert.True(proxy.Refused >= 2);
        Assert.Equal((0, 6), (redelivered.Sent, redelivered.AlreadySent));
        await AssertOneEmailEachAsync(readers);
    }

    private IDigestStore CreateStore(string kind) => kind == "local"
        ? new LocalFolderStore(folder)
        : new AzureStorageStore(azurite.CreateClients(), layout);

    private static List<string> Readers(int count) =>
        Enumerable.Range(0, count).Select(_ => $"reader-{Guid.NewGuid():N}@example.com").ToList();

    /// <summary>The SMTP sender as the apps configure it (<c>Mail:Sender = smtp</c>).</summary>
    private IEmailSender Sender()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mail:Sender"] = "smtp",
            ["Mail:Smtp:Host"] = "127.0.0.1",
            ["Mail:Smtp:Port"] = maildev.Server.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:Smtp:TimeoutSeconds"] = "10",
        }).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddDigestMail(configuration, folder)
            .BuildServiceProvider()
            .GetRequiredService<IEmailSender>();
    }

    private static SendBriefingHandler Handler(IDigestStore store, IEmailSender sender) => new(
        store,
        new BriefingMailer(MailTestSupport.Builder(), sender, store, TimeProvider.System, NullLogger<BriefingMailer>.Instance),
        NullLogger<SendBriefingHandler>.Instance);

    /// <summary>As the queue does: a delivery that did not finish is delivered again a moment later.</summary>
    private static async Task DeliverUntilDoneAsync(SendBriefingHandler handler, string job)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await handler.HandleAsync(job);
                return;
            }
            catch (Exception retried) when (attempt < 40 && retried is not UnusableEmailJobException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250));
            }
        }
    }

    private async Task AssertOneEmailEachAsync(IEnumerable<string> readers)
    {
        foreach (var reader in readers)
        {
            Assert.Single(await maildev.Server.EmailsToAsync(reader));
        }
    }

    /// <summary>Passes batches on to the real sender and reports how many emails were accepted so far.</summary>
    private sealed class AfterEachSend(IEmailSender inner, Action<int> accepted) : IEmailSender
    {
        private int sent;

        public int MaxBatchSize => inner.MaxBatchSize;

        public async Task SendBatchAsync(EmailBatch batch, CancellationToken cancellationToken = default)
        {
            await inner.SendBatchAsync(batch, cancellationToken);
            accepted(Interlocked.Add(ref sent, batch.Recipients.Count));
        }

        public Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default) => inner.SendAsync(message, cancellationToken);
    }
}
