namespace Digest.Tests.Hosting;

/// <summary>The real custom handler with the local folder store, shared by the tests of one class.</summary>
public sealed class HandlerServer : IAsyncLifetime
{
    private RunningHandler? handler;

    public string DataFolder { get; } = Directory.CreateTempSubdirectory("digest-handler-").FullName;

    public HttpClient Client => handler!.Client;

    public async Task InitializeAsync() => handler = await RunningHandler.StartAsync(DataFolder);

    public async Task DisposeAsync()
    {
        await handler!.DisposeAsync();
        Directory.Delete(DataFolder, recursive: true);
    }
}
