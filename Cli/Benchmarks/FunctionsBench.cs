using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Digest.Briefings;
using Digest.Cli;
using Digest.Mail;
using Digest.Storage;
using Digest.Storage.AzureStorage;
using Digest.Summaries;
using Digest.Web;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Digest.Benchmarks;

/// <summary>
/// <c>bench functions</c>: what the function app does per start and per event, measured in process (the Functions host
/// cannot run here): start-up to ready (the services the functions use built and every option validated),
/// SummarizeArticle invocations per second with 16 in flight (the function is a one-line adapter over
/// <see cref="SummarizeArticleHandler"/>), and the fan-out of one briefing to many subscribers against a storage
/// account (e.g. Azurite).
/// </summary>
public static class FunctionsBench
{
    private const int Concurrency = 16;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var storage = new Option<string?>("--storage") { Description = "Storage connection for the fan-out (e.g. UseDevelopmentStorage=true); skipped without it" };
        var subscribers = new Option<int>("--subscribers") { DefaultValueFactory = _ => 100_000 };
        var invocations = new Option<int>("--invocations") { DefaultValueFactory = _ => 2_000 };
        var command = new Command("functions", "Start-up and SummarizeArticle throughput in process; fan-out to many subscribers.") { storage, subscribers, invocations };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var data = Directory.CreateTempSubdirectory("digest-bench-functions-").FullName;
            try
            {
                var starts = new List<double>();
                for (var run = 0; run < 7; run++)
                {
                    var stopwatch = Stopwatch.StartNew();
                    using var ready = Start(data);
                    starts.Add(stopwatch.Elapsed.TotalMilliseconds);
                }

                await output.WriteLineAsync(Invariant($"  start-up to ready (services built, options validated): first {starts[0]:F0} ms, then median {Median(starts.Skip(1)):F0} ms"));
                await using var services = Start(data);
                var rate = await ThroughputAsync(services.GetRequiredService<SummarizeArticleHandler>(), parse.GetValue(invocations), cancellationToken);
                await output.WriteLineAsync(Invariant($"  SummarizeArticle in process, {Concurrency} in flight, local folder store: {rate:F0} invocations/s"));
            }
            finally
            {
                Directory.Delete(data, recursive: true);
            }

            if (parse.GetValue(storage) is { } connection)
            {
                await output.WriteLineAsync(await FanOutAsync(connection, parse.GetValue(subscribers), cancellationToken));
            }

            return DigestCli.Success;
        });
        return command;
    }

    /// <summary>What the function app's start does before it takes an invocation: build the services, validate every option.</summary>
    private static ServiceProvider Start(string data)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Logging:LogLevel:Default", "Warning")]).Build();
        var services = new ServiceCollection().AddLogging().AddDigest(configuration, data).BuildServiceProvider();
        DigestServices.ValidateOptions(services);
        _ = services.GetRequiredService<SummarizeArticleHandler>();
        _ = services.GetRequiredService<DailyBriefing>();
        _ = services.GetRequiredService<SendBriefingHandler>();
        _ = services.GetRequiredService<SubscriptionPages>();
        return services;
    }

    private static async Task<double> ThroughputAsync(SummarizeArticleHandler handler, int count, CancellationToken cancellationToken)
    {
        var news = new SyntheticNews(7);
        var articles = Enumerable.Range(0, count).Select(i => System.Text.Encoding.UTF8.GetBytes(news.TextArticle(i))).ToArray();
        var next = -1;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < articles.Length)
            {
                await handler.HandleAsync($"bench-{i}.txt", articles[i], cancellationToken);
            }
        }, cancellationToken)));
        return count / stopwatch.Elapsed.TotalSeconds;
    }

    private static async Task<string> FanOutAsync(string connection, int count, CancellationToken cancellationToken)
    {
        var store = new AzureStorageStore(
            StorageClients.FromConnectionString(connection), StorageLayout.WithSuffix(Guid.NewGuid().ToString("N")[..10]));
        var next = -1;
        var setup = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                await store.AddSubscriberAsync(new Subscriber($"reader{i:D6}@example.com"), cancellationToken);
            }
        }));
        var setupSeconds = setup.Elapsed.TotalSeconds;

        var briefing = new Briefing
        {
            Date = new DateOnly(2026, 11, 21),
            ArticleCount = 1,
            Stories = [new Story { Headline = "Bench", Summary = ["A sentence."], Sources = [new StorySource { Article = "a.txt", Outlet = "Bench" }] }],
        };
        var fanOut = new BriefingFanOut(store, store, store, store, NullLogger<BriefingFanOut>.Instance);
        var stopwatch = Stopwatch.StartNew();
        var queued = await fanOut.QueueAsync(briefing, cancellationToken);
        return Invariant($"  fan-out to {count:N0} subscribers: {stopwatch.Elapsed.TotalSeconds:F1} s, {queued} batches queued (adding the subscribers took {setupSeconds:F0} s, not counted)");
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
