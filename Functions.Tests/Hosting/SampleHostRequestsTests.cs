using System.Net;
using System.Text;
using System.Text.Json;
using Digest.Hosting;
using Digest.Storage;
using Digest.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Tests.Hosting;

/// <summary>The sample host requests in samples/host-requests, posted in order to the handler at the samples' own times.</summary>
public sealed class SampleHostRequestsTests : IAsyncLifetime
{
    private static readonly string Requests = Path.Combine(AppContext.BaseDirectory, "samples", "host-requests");

    private readonly string dataFolder = Directory.CreateTempSubdirectory("digest-samples-").FullName;
    private readonly ManualTime time = new(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
    private RunningHandler? handler;

    private HttpClient Client => handler!.Client;

    public async Task InitializeAsync() => handler = await RunningHandler.StartAsync(dataFolder, services => services.AddSingleton<TimeProvider>(time));

    public async Task DisposeAsync()
    {
        await handler!.DisposeAsync();
        Directory.Delete(dataFolder, recursive: true);
    }

    private async Task<string> PostAsync(string function)
    {
        using var response = await Client.PostAsync("/" + function, new StringContent(await File.ReadAllTextAsync(Path.Combine(Requests, function + ".json")), Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("ReturnValue").GetString()!;
    }

    [Fact]
    public async Task SampleRequests_PostedInOrder_SummarizeComposeAndSend()
    {
        Assert.Equal("Summarized", await PostAsync(FunctionCatalog.SummarizeArticle));
        await new LocalFolderStore(dataFolder).AddSubscriberAsync(new Subscriber("reader@example.com"));

        time.Now = new DateTimeOffset(2026, 11, 21, 6, 0, 0, TimeSpan.Zero);
        Assert.Equal("2026-11-21: 1 stories, 1 batches queued", await PostAsync(FunctionCatalog.ComposeBriefing));
        Assert.Equal("batch 0: 1 sent, 0 already sent, 0 invalid", await PostAsync(FunctionCatalog.SendBriefing));

        Assert.Single(Directory.GetFiles(Path.Combine(dataFolder, "outbox"), "*.eml"));
    }
}
