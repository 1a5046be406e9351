using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Digest.Briefings;
using Digest.Cli;
using Digest.Hosting;
using Digest.Storage;
using Digest.Storage.AzureStorage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Digest.Benchmarks;

/// <summary>
/// <c>bench functions</c>: the published custom handler's cold start (process start to the first successful
/// invocation), SummarizeArticle throughput over loopback with 16 requests in flight, and the fan-out of one
/// briefing to 100,000 subscribers against a storage account (e.g. Azurite).
/// </summary>
public static class FunctionsBench
{
    private const int Concurrency = 16;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var project = new Option<FileInfo>("--project") { DefaultValueFactory = _ => new FileInfo("Functions/Functions.csproj"), Description = "The Functions project to publish" };
        var storage = new Option<string?>("--storage") { Description = "Storage connection for the fan-out (e.g. UseDevelopmentStorage=true); skipped without it" };
        var subscribers = new Option<int>("--subscribers") { DefaultValueFactory = _ => 100_000 };
        var invocations = new Option<int>("--invocations") { DefaultValueFactory = _ => 2_000 };
        var command = new Command("functions", "Cold start and throughput of the published handler; fan-out to many subscribers.") { project, storage, subscribers, invocations };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var publish = Path.Combine(Path.GetTempPath(), "digest-bench-" + Guid.NewGuid().ToString("N"));
            await output.WriteLineAsync("Publishing the handler (linux-x64, self-contained, ReadyToRun)...");
            if (await PackageCommand.PublishAsync(parse.GetValue(project)!.FullName, publish, error, cancellationToken) != 0)
            {
                return DigestCli.Failure;
            }

            var starts = new List<double>();
            for (var run = 0; run < 5; run++)
            {
                var (milliseconds, handler) = await ColdStartAsync(publish, cancellationToken);
                starts.Add(milliseconds);
                if (run < 4)
                {
                    Stop(handler);
                    continue;
                }

                try
                {
                    var rate = await ThroughputAsync(handler.Port, parse.GetValue(invocations), cancellationToken);
                    await output.WriteLineAsync(Invariant($"  cold start (process start to first SummarizeArticle answer): median {Median(starts):F0} ms, runs {string.Join(", ", starts.Select(s => s.ToString("F0", CultureInfo.InvariantCulture)))} ms"));
                    await output.WriteLineAsync(Invariant($"  SummarizeArticle, {Concurrency} in flight over loopback: {rate:F0} invocations/s"));
                }
                finally
                {
                    Stop(handler);
                }
            }

            if (parse.GetValue(storage) is { } connection)
            {
                await output.WriteLineAsync(await FanOutAsync(connection, parse.GetValue(subscribers), cancellationToken));
            }

            Directory.Delete(publish, recursive: true);
            return DigestCli.Success;
        });
        return command;
    }

    private sealed record Handler(Process Process, int Port, string Data);

    private static async Task<(double Milliseconds, Handler Handler)> ColdStartAsync(string publish, CancellationToken cancellationToken)
    {
        var port = FreePort();
        var data = Path.Combine(Path.GetTempPath(), "digest-bench-data-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo(Path.Combine(publish, "Digest"), "serve") { WorkingDirectory = publish, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment[CustomHandler.PortVariable] = port.ToString(CultureInfo.InvariantCulture);
        start.Environment["Storage__LocalFolder"] = data;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var payload = Payload("cold-start.txt", new SyntheticNews(1).TextArticle(1));
        var stopwatch = Stopwatch.StartNew();
        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        while (stopwatch.Elapsed < TimeSpan.FromSeconds(30))
        {
            try
            {
                using var response = await client.PostAsync("/" + FunctionCatalog.SummarizeArticle, Json(payload), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return (stopwatch.Elapsed.TotalMilliseconds, new Handler(process, port, data));
                }
            }
            catch (HttpRequestException)
            {
                await Task.Delay(2, cancellationToken);
            }
        }

        process.Kill(entireProcessTree: true);
        throw new TimeoutException("The handler did not answer within 30 s.");
    }

    private static async Task<double> ThroughputAsync(int port, int count, CancellationToken cancellationToken)
    {
        var news = new SyntheticNews(7);
        var payloads = Enumerable.Range(0, count).Select(i => Payload($"bench-{i}.txt", news.TextArticle(i))).ToArray();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var next = -1;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < payloads.Length)
            {
                using var response = await client.PostAsync("/" + FunctionCatalog.SummarizeArticle, Json(payloads[i]), cancellationToken);
                response.EnsureSuccessStatusCode();
            }
        }));
        return count / stopwatch.Elapsed.TotalSeconds;
    }

    private static async Task<string> FanOutAsync(string connection, int count, CancellationToken cancellationToken)
    {
        var store = new AzureStorageStore(
            new StorageAccount(StorageConnection.Parse(connection)), StorageLayout.WithSuffix(Guid.NewGuid().ToString("N")[..10]));
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

    private static object Payload(string name, string text) => new
    {
        Data = new Dictionary<string, string> { [FunctionCatalog.ArticleBinding] = Convert.ToBase64String(Encoding.UTF8.GetBytes(text)) },
        Metadata = new Dictionary<string, object> { ["name"] = JsonSerializer.Serialize(name) },
    };

    private static StringContent Json(object payload) => new(JsonSerializer.Serialize(payload), Encoding.UTF8, "application/json");

    private static void Stop(Handler handler)
    {
        handler.Process.Kill(entireProcessTree: true);
        handler.Process.WaitForExit();
        handler.Process.Dispose();
        if (Directory.Exists(handler.Data))
        {
            Directory.Delete(handler.Data, recursive: true);
        }
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
