using System.Net;
using System.Text;
using System.Text.Json;
using Digest.Hosting;
using Digest.Storage;
using Digest.Tests.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Tests.Hosting;

/// <summary>The sample host requests in samples/host-requests, posted in order to the handler at the samples' own times.</summary>
public sealed class SampleHostRequestsTests : IAsyncLifetime
{
    private static readonly string Requests = Path.Combine(AppContext.BaseDirectory, "samples", "host-requests");

    private readonly string dataFolder = Directory.CreateTempSubdirectory("digest-samples-").FullName;
    private readonly ManualTime time = new(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
    private WebApplication? app;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        app = CustomHandler.Build(
            [$"--{CustomHandler.PortVariable}=0", $"--Storage:LocalFolder={dataFolder}", "--Logging:LogLevel:Default=Warning"],
            services => services.AddSingleton<TimeProvider>(time));
        await app.StartAsync();
        client = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single()) };
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await app!.DisposeAsync();
        Directory.Delete(dataFolder, recursive: true);
    }

    private async Task<string> PostAsync(string function)
    {
        using var response = await client.PostAsync("/" + function, new StringContent(await File.ReadAllTextAsync(Path.Combine(Requests, function + ".json")), Encoding.UTF8, "application/json"));
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
