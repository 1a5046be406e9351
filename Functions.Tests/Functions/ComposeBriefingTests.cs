using Digest.Functions;
using Digest.Storage;
using Digest.Tests.TestSupport;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Tests.Functions;

/// <summary>
/// ComposeBriefing fired as the timer fires it, with the test's clock: the newest closed window is composed, windows
/// no run composed (a missed timer, a daylight-saving shift) are composed by the next run, and reruns queue nothing.
/// </summary>
public sealed class ComposeBriefingTests : IAsyncLifetime
{
    private static readonly string Articles = Path.Combine(AppContext.BaseDirectory, "samples", "articles");

    private readonly string dataFolder = Directory.CreateTempSubdirectory("digest-compose-").FullName;
    private readonly ManualTime time = new(new DateTimeOffset(2026, 11, 19, 9, 0, 0, TimeSpan.Zero));
    private FunctionApp app = null!;

    public async Task InitializeAsync()
    {
        app = FunctionApp.Create(dataFolder, services => services.AddSingleton<TimeProvider>(time));
        await app.Services.GetRequiredService<ISubscriberDirectory>().AddSubscriberAsync(new Subscriber("ada@example.com"));
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        Directory.Delete(dataFolder, recursive: true);
    }

    private async Task SummarizeAsync(string file, DateTimeOffset at)
    {
        time.Now = at;
        await app.Function<SummarizeArticle>().RunAsync(File.OpenRead(Path.Combine(Articles, file)), file, CancellationToken.None);
    }

    private async Task FireAsync(DateTimeOffset at, bool pastDue = false)
    {
        time.Now = at;
        await app.Function<ComposeBriefing>().RunAsync(new TimerInfo { IsPastDue = pastDue }, CancellationToken.None);
    }

    private async Task<int> StoriesOnAsync(int day) =>
        (await app.Services.GetRequiredService<IBriefingStore>().FindAsync(new DateOnly(2026, 11, day)))?.Stories.Count ?? -1;

    private async Task<List<string>> DrainQueueAsync()
    {
        var queue = app.Services.GetRequiredService<IJobQueue>();
        var bodies = new List<string>();
        while (await queue.ReceiveAsync(TimeSpan.FromMinutes(5)) is { } job)
        {
            bodies.Add(job.Body);
            await queue.CompleteAsync(job);
        }

        return bodies;
    }

    [Fact]
    public async Task ComposeBriefing_AfterAMissedDay_ComposesTheMissedWindowAndTheNewOne()
    {
        await SummarizeAsync("selkie-launch-valley-ledger.json", new DateTimeOffset(2026, 11, 19, 9, 0, 0, TimeSpan.Zero));
        await FireAsync(new DateTimeOffset(2026, 11, 20, 6, 0, 5, TimeSpan.Zero));
        Assert.Equal(1, await StoriesOnAsync(20));
        Assert.Single(await DrainQueueAsync());

        // The timer does not fire on 21 November (the app was down, or a clock change moved it before the cutoff).
        await SummarizeAsync("ashford-hospital-norovirus-valley-ledger.txt", new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        await SummarizeAsync("halvorsen-pinecrest-merger-metro-wire.txt", new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero));

        await FireAsync(new DateTimeOffset(2026, 11, 22, 6, 0, 5, TimeSpan.Zero));

        Assert.Equal(1, await StoriesOnAsync(21));
        Assert.Equal(1, await StoriesOnAsync(22));
        var jobs = await DrainQueueAsync();
        Assert.Equal(2, jobs.Count);
        Assert.Contains(jobs, j => j.Contains("2026-11-21", StringComparison.Ordinal));
        Assert.Contains(jobs, j => j.Contains("2026-11-22", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ComposeBriefing_FreshDeployment_ComposesOnlyTheNewestWindow()
    {
        await SummarizeAsync("selkie-launch-valley-ledger.json", new DateTimeOffset(2026, 11, 19, 9, 0, 0, TimeSpan.Zero));

        await FireAsync(new DateTimeOffset(2026, 11, 20, 6, 0, 5, TimeSpan.Zero));

        Assert.Equal(1, await StoriesOnAsync(20));
        Assert.Equal(-1, await StoriesOnAsync(19));
    }

    [Fact]
    public async Task ComposeBriefing_FiredAgainPastDue_KeepsTheBriefingAndQueuesNothingMore()
    {
        await SummarizeAsync("selkie-launch-valley-ledger.json", new DateTimeOffset(2026, 11, 19, 9, 0, 0, TimeSpan.Zero));
        await FireAsync(new DateTimeOffset(2026, 11, 20, 6, 0, 5, TimeSpan.Zero));
        var stored = await File.ReadAllTextAsync(Path.Combine(dataFolder, "briefings", "2026-11-20.json"));
        Assert.Single(await DrainQueueAsync());

        await SummarizeAsync("ashford-hospital-norovirus-valley-ledger.txt", new DateTimeOffset(2026, 11, 20, 5, 0, 0, TimeSpan.Zero));
        await FireAsync(new DateTimeOffset(2026, 11, 20, 7, 30, 0, TimeSpan.Zero), pastDue: true);

        Assert.Equal(stored, await File.ReadAllTextAsync(Path.Combine(dataFolder, "briefings", "2026-11-20.json")));
        Assert.Empty(await DrainQueueAsync());
    }

    [Fact]
    public async Task ComposeBriefing_DamagedSummaryAndDamagedEarlierBriefing_ComposesTheDayFromTheRest()
    {
        await SummarizeAsync("selkie-launch-valley-ledger.json", new DateTimeOffset(2026, 11, 19, 9, 0, 0, TimeSpan.Zero));
        await SummarizeAsync("halvorsen-pinecrest-merger-metro-wire.txt", new DateTimeOffset(2026, 11, 19, 10, 0, 0, TimeSpan.Zero));
        var damagedSummary = Directory.GetFiles(Path.Combine(dataFolder, "summaries"), "halvorsen*").Single();
        await File.WriteAllTextAsync(damagedSummary, "{\"article\": \"halvorsen-pinecrest-merger-metro-wire.txt\", \"sent");
        Directory.CreateDirectory(Path.Combine(dataFolder, "briefings"));
        await File.WriteAllTextAsync(Path.Combine(dataFolder, "briefings", "2026-11-19.json"), "{\"date\": \"2026-11-19\", \"stor");

        await FireAsync(new DateTimeOffset(2026, 11, 20, 6, 0, 5, TimeSpan.Zero));

        Assert.Equal(1, await StoriesOnAsync(20));
        Assert.Single(await DrainQueueAsync());
    }

    [Fact]
    public async Task ComposeBriefing_DayWithoutArticles_StoresAnEmptyBriefingAndQueuesNothing()
    {
        await FireAsync(new DateTimeOffset(2026, 11, 23, 6, 0, 5, TimeSpan.Zero));

        Assert.Equal(0, await StoriesOnAsync(23));
        Assert.Empty(await DrainQueueAsync());
    }
}
