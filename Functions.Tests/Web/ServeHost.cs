using Digest.Briefings;
using Digest.Cli;
using Digest.Storage;
using Digest.Summaries;
using Digest.Tests.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Tests.Web;

/// <summary>
/// The command line's <c>serve</c> host (the same handlers and routes as the HTTP functions) on a free port of
/// 127.0.0.1, over its own data folder, with links built for its own address. Runs the daily flow on the bundled
/// samples through its services, as <c>run</c> does.
/// </summary>
internal sealed class ServeHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private ServeHost(WebApplication app, string dataFolder, Uri baseAddress)
    {
        this.app = app;
        DataFolder = dataFolder;
        BaseAddress = baseAddress;
    }

    public string DataFolder { get; }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => app.Services;

    public LocalFolderStore Store => new(DataFolder);

    public static async Task<ServeHost> StartAsync(params (string Key, string Value)[] settings)
    {
        var dataFolder = Directory.CreateTempSubdirectory("digest-serve-").FullName;
        // A free port can be taken by someone else before the server binds it: then try another.
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePorts.Next();
            // The tests' browser plays the platform's front end on loopback (each reader sends the address it would
            // append), so loopback is trusted unless a test says otherwise; serve itself trusts nothing.
            var app = ServeCommand.Build(dataFolder, port, (settings.Any(s => s.Key == "Subscriptions:TrustedProxies") ? settings : settings.Prepend((Key: "Subscriptions:TrustedProxies", Value: "127.0.0.1"))).Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
            try
            {
                await app.StartAsync();
                return new ServeHost(app, dataFolder, new Uri($"http://127.0.0.1:{port}"));
            }
            catch (IOException) when (attempt < 3)
            {
                await app.DisposeAsync();
            }
        }
    }

    /// <summary>Summarizes the bundled samples and composes and queues the briefing of <paramref name="date"/>.</summary>
    public async Task<Briefing> ComposeAsync(DateOnly date)
    {
        var summarize = Services.GetRequiredService<SummarizeArticleHandler>();
        var summaries = new List<ArticleSummary>();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "samples", "articles")).Order(StringComparer.Ordinal))
        {
            if ((await summarize.HandleAsync(Path.GetFileName(file), await File.ReadAllBytesAsync(file))).Summary is { } summary)
            {
                summaries.Add(summary);
            }
        }

        return (await Services.GetRequiredService<DailyBriefing>().ComposeAndQueueAsync(date, summaries, [])).Briefing;
    }

    /// <summary>Sends every queued email job, as the SendBriefing function does.</summary>
    public async Task<int> SendQueuedAsync()
    {
        var queue = Services.GetRequiredService<IJobQueue>();
        var send = Services.GetRequiredService<Digest.Mail.SendBriefingHandler>();
        var sent = 0;
        while (await queue.ReceiveAsync(TimeSpan.FromMinutes(1)) is { } job)
        {
            sent += (await send.HandleAsync(job.Body)).Sent;
            await queue.CompleteAsync(job);
        }

        return sent;
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        Directory.Delete(DataFolder, recursive: true);
    }
}
