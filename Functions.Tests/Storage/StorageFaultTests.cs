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

    [Fact]
    public async Task EmulatorRestartedWithinSeconds_TheSdkRetriesAndTheWriteSucceeds()
    {
        var folder = Directory.CreateTempSubdirectory("digest-azurite-").FullName;
        var restarting = AzuriteFixture.Persistent(folder);
        try
        {
            await restarting.InitializeAsync();
            var store = new AzureStorageStore(restarting.CreateClients(), layout);
            await store.AddSubscriberAsync(new Subscriber("before@example.com"));
            await restarting.StopAsync();
            var restart = Task.Delay(TimeSpan.FromSeconds(2)).ContinueWith(_ => restarting.StartAsync()).Unwrap();

            await store.AddSubscriberAsync(new Subscriber("during@example.com"));
            await restart;

            Assert.Equal(["before@example.com", "during@example.com"], await store.ListConfirmedAsync().Select(s => s.Email).Order(StringComparer.Ordinal).ToListAsync());
        }
        finally
        {
            await restarting.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }
}
