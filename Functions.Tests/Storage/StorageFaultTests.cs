using System.Diagnostics;
using Azure;
using Digest.Storage;
using Digest.Storage.AzureStorage;

namespace Digest.Tests.Storage;

/// <summary>What the Azure store does when storage goes wrong: a wrong key, a stopped emulator, a restart.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class StorageFaultTests(AzuriteFixture azurite)
{
    private readonly StorageLayout layout = StorageLayout.WithSuffix(AzuriteFixture.UniqueName("f"));

    [Fact]
    public async Task WrongKey_StoreCall_FailsWithTheServicesAuthorizationError()
    {
        var store = new AzureStorageStore(StorageClients.FromConnectionString(azurite.ConnectionStringWithKey(Convert.ToBase64String(new byte[64]))), layout);

        var denied = await Assert.ThrowsAsync<RequestFailedException>(() => store.FindAsync("a.txt"));

        Assert.Equal(403, denied.Status);
        Assert.Equal("AuthorizationFailure", denied.ErrorCode);
    }

    [Fact]
    public async Task StoppedEmulator_StoreCall_FailsWithinSecondsNamingTheEndpoint()
    {
        var stopped = new AzuriteFixture();
        await stopped.InitializeAsync();
        var store = new AzureStorageStore(stopped.CreateClients(), layout);
        await store.SaveRejectionAsync(new Rejection("a.txt", "test", null, DateTimeOffset.UnixEpoch));
        await stopped.DisposeAsync();

        var clock = Stopwatch.StartNew();
        var failed = await Assert.ThrowsAnyAsync<Exception>(() => store.FindAsync("a.txt"));
        clock.Stop();

        Assert.Contains($"127.0.0.1:{stopped.BlobPort}", failed.ToString());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    /// <summary>
    /// Storage that resets connections for a while and then answers again, within the SDK's retry budget (5 retries,
    /// 0.5 s doubling to 8 s): the write is retried and succeeds. The outage ends when the SDK has been refused twice
    /// (an event, not a time), so a busy machine cannot make it outlast the retries.
    /// </summary>
    [Fact]
    public async Task StorageDownForTwoAttempts_TheSdkRetriesAndTheWriteSucceeds()
    {
        await using var proxy = new OutageProxy(azurite.TablePort);
        var connection = azurite.ConnectionString.Replace($"127.0.0.1:{azurite.TablePort}/", $"127.0.0.1:{proxy.Port}/", StringComparison.Ordinal);
        var store = new AzureStorageStore(StorageClients.FromConnectionString(connection), layout);
        await store.AddSubscriberAsync(new Subscriber("before@example.com"));
        proxy.GoDown();

        var write = store.AddSubscriberAsync(new Subscriber("during@example.com"));
        await proxy.WhenRefusedAsync(2);
        proxy.ComeBack();
        await write;

        Assert.True(proxy.Refused >= 2);
        Assert.Equal(["before@example.com", "during@example.com"], await store.ListConfirmedAsync().Select(s => s.Email).Order(StringComparer.Ordinal).ToListAsync());
    }

    /// <summary>
    /// The emulator really stopped and started again (on the same ports, with its data). A write made while it is down
    /// either rides the restart out (when the emulator is back within the SDK's retries) or fails with the storage
    /// error that <c>run</c> reports as "storage did not answer after retries": how long a restart takes depends on the
    /// machine, so both outcomes are the product's behaviour. What never varies, and is asserted once the emulator
    /// answers again: nothing written before is lost, and the same write then succeeds.
    /// </summary>
    [Fact]
    public async Task EmulatorRestarted_AWriteDuringTheRestartSucceedsOrFailsRetriably_AndNothingIsLost()
    {
        var folder = Directory.CreateTempSubdirectory("digest-azurite-").FullName;
        var restarting = AzuriteFixture.Persistent(folder);
        try
        {
            await restarting.InitializeAsync();
            var store = new AzureStorageStore(restarting.CreateClients(), layout);
            await store.AddSubscriberAsync(new Subscriber("before@example.com"));
            await restarting.StopAsync();

            var write = store.AddSubscriberAsync(new Subscriber("during@example.com"));
            await restarting.StartAsync();
            try
            {
                await write;
            }
            catch (Exception failed) when (failed is RequestFailedException || (failed is AggregateException all && all.InnerExceptions.All(e => e is RequestFailedException)))
            {
                // The restart outlasted the SDK's retries: the retriable storage error, named; the emulator is back now.
                await store.AddSubscriberAsync(new Subscriber("during@example.com"));
            }

            Assert.Equal(["before@example.com", "during@example.com"], await store.ListConfirmedAsync().Select(s => s.Email).Order(StringComparer.Ordinal).ToListAsync());
        }
        finally
        {
            await restarting.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }
}
