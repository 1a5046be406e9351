using System.Net;
using System.Text;
using System.Text.Json;
using Digest.Hosting;
using Digest.Storage;
using Digest.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Tests.Hosting;

/// <summary>Windows no run composed (a missed timer, a daylight-saving shift) are composed by the next run.</summary>
public sealed class ComposeBriefingCatchUpTests : IAsyncLifetime
{
    private static readonly string Articles = Path.Combine(AppContext.BaseDirectory, "samples", "articles");

    private readonly string dataFolder = Directory.CreateTempSubdirectory("digest-catchup-").FullName;
    private readonly ManualTime time = new(new DateTimeOffset(2026, 11, 19, 9, 0, 0, TimeSpan.Zero));
    private RunningHandler? handler;

    public async Task InitializeAsync()
    {
        handler = await RunningHandler.StartAsync(dataFolder, services => services.AddSingleton<TimeProvider>(time));
        await new LocalFolderStore(dataFolder).AddSubscriberAsync(new Subscriber("ada@example.com"));
    }

    public async Task DisposeAsync()
    {
        await handler!.DisposeAsync();
        Directory.Delete(dataFolder, recursive: true);
    }

    private async Task<string> InvokeAsync(string function, object data, object metadata)
    {
        using var response = await handler!.Client.PostAsync("/" + function, new StringContent(JsonSerializer.Serialize(new { Data = data, Metadata = metadata }), Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("ReturnValue").GetString()!;
    }

    private async Task SummarizeAsync(string file, DateTimeOffset at)
    {
        time.Now = at;
        var content = Convert.ToBase64String(await File.ReadAllBytesAsync(Path.Combine(Articles, file)));
        Assert.Equal("Summarized", await InvokeAsync(FunctionCatalog.SummarizeArticle, new Dictionary<string, string> { ["article"] = content }, new Dictionary<string, string> { ["name"] = JsonSerializer.Serialize(file) }));
    }

    private Task<string> TimerAsync(DateTimeOffset at)
    {
        time.Now = at;
        return InvokeAsync(FunctionCatalog.ComposeBriefing, new { timer = new { IsPastDue = false } }, new { sys = new { MethodName = FunctionCatalog.ComposeBriefing } });
    }

    [Fact]
    public async Task ComposeBriefing_AfterAMissedDay_ComposesTheMissedWindowAndTheNewOne()
    {
        await SummarizeAsync("selkie-launch-valley-ledger.json", new DateTimeOffset(2026, 11, 19, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal("2026-11-20: 1 stories, 1 batches queued", await TimerAsync(new DateTimeOffset(2026, 11, 20, 6, 0, 5, TimeSpan.Zero)));

        // The timer does not fire on 21 November (the app was down, or a clock change moved it before the cutoff).
        await SummarizeAsync("ashford-hospital-norovirus-valley-ledger.txt", new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        await SummarizeAsync("halvorsen-pinecrest-merger-metro-wire.txt", new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero));

        var composed = await TimerAsync(new DateTimeOffset(2026, 11, 22, 6, 0, 5, TimeSpan.Zero));

        Assert.Equal("2026-11-21: 1 stories, 1 batches queued; 2026-11-22: 1 stories, 1 batches queued", composed);
    }

    [Fact]
    public async Task ComposeBriefing_FreshDeployment_ComposesOnlyTheNewestWindow()
    {
        await SummarizeAsync("selkie-launch-valley-ledger.json", new DateTimeOffset(2026, 11, 19, 9, 0, 0, TimeSpan.Zero));

        Assert.Equal("2026-11-20: 1 stories, 1 batches queued", await TimerAsync(new DateTimeOffset(2026, 11, 20, 6, 0, 5, TimeSpan.Zero)));
        Assert.False(File.Exists(Path.Combine(dataFolder, "briefings", "2026-11-19.json")));
    }
}
