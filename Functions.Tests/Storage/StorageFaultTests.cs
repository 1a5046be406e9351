using System.Diagnostics;
using System.Net;
using Azure.Core.Pipeline;
using Digest.Storage.AzureStorage;

namespace Digest.Tests.Storage;

/// <summary>What the storage clients do when things go wrong: wrong key, transient errors, a stopped emulator.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class StorageFaultTests(AzuriteFixture azurite)
{
    private readonly string name = AzuriteFixture.UniqueName("f");

    private StorageAccount WithWrongKey() =>
        new(StorageConnection.Parse(azurite.ConnectionStringWithKey(Convert.ToBase64String(new byte[64]))));

    [Fact]
    public async Task WrongKey_Blob_FailsWithAuthenticationFailedAndTheServiceCode()
    {
        var denied = await Assert.ThrowsAsync<StorageException>(() => WithWrongKey().Blobs.CreateContainerIfMissingAsync(name));

        Assert.Equal((StorageFailure.AuthenticationFailed, 403, "AuthorizationFailure"), (denied.Failure, denied.Status, denied.ErrorCode));
        Assert.Contains("AuthorizationFailure", denied.Message);
    }

    [Fact]
    public async Task WrongKey_Queue_FailsWithAuthenticationFailed()
    {
        var denied = await Assert.ThrowsAsync<StorageException>(() => WithWrongKey().Queues.CreateIfMissingAsync(name));

        Assert.Equal(StorageFailure.AuthenticationFailed, denied.Failure);
        Assert.Contains(denied.ErrorCode, new[] { "AuthorizationFailure", "AuthenticationFailed" });
        Assert.Contains(denied.ErrorCode!, denied.Message);
    }

    [Fact]
    public async Task WrongKey_Table_FailsWithAuthenticationFailed()
    {
        var denied = await Assert.ThrowsAsync<StorageException>(() => WithWrongKey().Tables.CreateIfMissingAsync(name));

        Assert.Equal(StorageFailure.AuthenticationFailed, denied.Failure);
        Assert.Contains(denied.ErrorCode, new[] { "AuthorizationFailure", "AuthenticationFailed" });
    }

    [Fact]
    public async Task ServerBusyOnce_IsRetriedAndTheWriteSucceeds()
    {
        var handler = new FailingHandler(failures: 1, HttpStatusCode.ServiceUnavailable, "ServerBusy");
        var blobs = azurite.CreateAccount(Options(handler)).Blobs;

        Assert.True(await blobs.CreateContainerIfMissingAsync(name));

        Assert.Equal(2, handler.Requests);
        Assert.True(await blobs.CreateContainerIfMissingAsync(name + "x"));
    }

    [Fact]
    public async Task ServerErrorEveryTime_IsRetriedThenReportedAsServerError()
    {
        var handler = new FailingHandler(failures: int.MaxValue, HttpStatusCode.InternalServerError, "InternalError");
        var queues = azurite.CreateAccount(Options(handler)).Queues;

        var failed = await Assert.ThrowsAsync<StorageException>(() => queues.CreateIfMissingAsync(name));

        Assert.Equal((StorageFailure.ServerError, 500, "InternalError"), (failed.Failure, failed.Status, failed.ErrorCode));
        Assert.Equal(1 + 3, handler.Requests);
    }

    [Fact]
    public async Task Throttled_IsRetriedThenReportedAsThrottled()
    {
        var handler = new FailingHandler(failures: int.MaxValue, HttpStatusCode.TooManyRequests, "TooManyRequests");
        var tables = azurite.CreateAccount(Options(handler)).Tables;

        var failed = await Assert.ThrowsAsync<StorageException>(() => tables.CreateIfMissingAsync(name));

        Assert.Equal(StorageFailure.Throttled, failed.Failure);
        Assert.Equal(4, handler.Requests);
    }

    [Fact]
    public async Task StoppedEmulator_FailsQuicklyWithAClearUnreachableError()
    {
        var stopped = new AzuriteFixture();
        await stopped.InitializeAsync();
        var account = stopped.CreateAccount();
        await account.Blobs.CreateContainerIfMissingAsync(name);
        await stopped.DisposeAsync();

        var clock = Stopwatch.StartNew();
        var failed = await Assert.ThrowsAsync<StorageException>(() => account.Blobs.GetAsync(name, "a.txt"));
        clock.Stop();

        Assert.Equal((StorageFailure.Unreachable, 0), (failed.Failure, failed.Status));
        Assert.Contains("did not answer", failed.Message);
        Assert.Contains($"127.0.0.1:{stopped.BlobPort}", failed.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
    }

    private static StorageClientOptions Options(HttpMessageHandler handler)
    {
        var options = new StorageClientOptions { Transport = new HttpClientTransport(new HttpClient(handler)) };
        options.Retry.Delay = TimeSpan.FromMilliseconds(20);
        return options;
    }

    /// <summary>Answers the first <c>failures</c> requests itself with an error, then passes requests on to Azurite.</summary>
    private sealed class FailingHandler(int failures, HttpStatusCode status, string code) : DelegatingHandler(new SocketsHttpHandler())
    {
        private int requests;

        public int Requests => requests;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref requests) > failures)
            {
                return base.SendAsync(request, cancellationToken);
            }

            var response = new HttpResponseMessage(status) { RequestMessage = request };
            response.Headers.Add("x-ms-error-code", code);
            return Task.FromResult(response);
        }
    }
}
