using Digest.Tests.TestSupport;

namespace Digest.Tests.Functions;

/// <summary>The function app's HTTP functions served on 127.0.0.1 with their own data folder (local store and outbox).</summary>
public sealed class HttpFunctionsServer : IAsyncLifetime
{
    private FunctionApp? app;

    public string DataFolder { get; } = Directory.CreateTempSubdirectory("digest-http-").FullName;

    public HttpClient Client => app!.Http;

    public async Task InitializeAsync() => app = await FunctionApp.Create(DataFolder).StartHttpAsync();

    public async Task DisposeAsync()
    {
        await app!.DisposeAsync();
        Directory.Delete(DataFolder, recursive: true);
    }
}
