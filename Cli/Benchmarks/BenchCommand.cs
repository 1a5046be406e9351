using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Digest.Articles;
using Digest.Briefings;
using Digest.Briefings.Grouping;
using Digest.Cli;
using Digest.Summaries;

namespace Digest.Benchmarks;

/// <summary>
/// <c>bench</c>: measures summarize throughput on one core (plain-text articles and whole HTML pages of ~600 words)
/// and composing briefings from 10,000, 100,000 and 300,000 summaries (time and peak memory, each size in a fresh
/// process). <c>bench hostile</c> measures <c>run</c> on huge and deeply nested articles.
/// </summary>
public static class BenchCommand
{
    private static readonly DateTimeOffset Day = new(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);

    public static Command Create(TextWriter output, TextWriter error)
    {
        var articles = new Option<int>("--articles") { Description = "Articles per summarize run", DefaultValueFactory = _ => 2000 };
        var sizes = new Option<int[]>("--summaries")
        {
            Description = "Summary counts to compose from",
            DefaultValueFactory = _ => [10_000, 100_000, 300_000],
            AllowMultipleArgumentsPerToken = true,
        };
        var eventTerms = EventTermsOption();
        var command = new Command("bench", "Measure summarize throughput and briefing composition time and memory.") { articles, sizes, eventTerms };
        command.SetAction(async (parse, cancellationToken) =>
        {
            PinToOneCore();
            var count = parse.GetValue(articles);
            var terms = parse.GetValue(eventTerms);
            await output.WriteLineAsync($"Summarize (one core, ~600-word articles, parse + summarize), {count} articles each:");
            var text = SummarizeThroughput(count, html: false, terms);
            await output.WriteLineAsync($"  text articles: {text.Total,8:N0} articles/s  (reading alone: {text.Read:N0}/s)");
            var html = SummarizeThroughput(count / 4, html: true, terms);
            await output.WriteLineAsync($"  HTML pages:    {html.Total,8:N0} pages/s     (reading alone: {html.Read:N0}/s)");
            await output.WriteLineAsync("Compose a briefing (each size in a fresh process):");
            foreach (var size in parse.GetValue(sizes)!)
            {
                await output.WriteLineAsync($"  {size,9:N0} summaries: {await ComposeInChildAsync(size, terms, cancellationToken)}");
            }

            return DigestCli.Success;
        });

        var composeCount = new Option<int>("--count") { Required = true };
        var childEventTerms = EventTermsOption();
        var child = new Command("compose-child", "Used by bench: composes from synthetic summaries and prints time and peak memory.") { composeCount, childEventTerms };
        child.Hidden = true;
        child.SetAction(async (parse, _) =>
        {
            PinToOneCore();
            await output.WriteLineAsync(Compose(parse.GetValue(composeCount), parse.GetValue(childEventTerms)));
            return DigestCli.Success;
        });
        command.Subcommands.Add(child);
        command.Subcommands.Add(HostileBench.Create(output));
        command.Subcommands.Add(HostileBench.CreateChild(output));
        command.Subcommands.Add(MailBench.Create(output));
        command.Subcommands.Add(FunctionsBench.Create(output, error));
        return command;
    }

    private static Option<int> EventTermsOption() => new("--event-terms")
    {
        Description = "Event terms per summary (Summarizer:EventTerms): kept by the summarizer and carried by each synthetic summary composed",
        DefaultValueFactory = _ => new SummarizerOptions().EventTerms,
    };

    /// <summary>Articles per second for reading alone and for reading plus summarizing, single-threaded after a warm-up.</summary>
    private static (double Read, double Total) SummarizeThroughput(int count, bool html, int eventTerms)
    {
        var news = new SyntheticNews(seed: 42);
        var inputs = Enumerable.Range(0, count)
            .Select(i => System.Text.Encoding.UTF8.GetBytes(html ? news.HtmlPage(i) : news.TextArticle(i)))
            .ToArray();
        var extension = html ? ".html" : ".txt";
        var reader = new ArticleReader(new IntakeOptions());
        var summarizer = new BuiltInSummarizer(new SummarizerOptions { EventTerms = eventTerms }, TimeProvider.System);

        // One full pass first, so tiered compilation has settled before anything is timed.
        for (var i = 0; i < count; i++)
        {
            _ = summarizer.SummarizeAsync(reader.Read("warm" + extension, inputs[i])).GetAwaiter().GetResult();
        }

        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            _ = reader.Read($"a{i}{extension}", inputs[i]);
        }

        var read = count / stopwatch.Elapsed.TotalSeconds;
        stopwatch.Restart();
        for (var i = 0; i < count; i++)
        {
            _ = summarizer.SummarizeAsync(reader.Read($"a{i}{extension}", inputs[i])).GetAwaiter().GetResult();
        }

        return (read, count / stopwatch.Elapsed.TotalSeconds);
    }

    private static string Compose(int count, int eventTerms)
    {
        var news = new SyntheticNews(seed: count);
        var summaries = new List<ArticleSummary>(count);
        for (var eventId = 0; summaries.Count < count; eventId++)
        {
            // Coverage like a real day: most events have one or two reports, some have several.
            var outlets = 1 + (eventId % 7 == 0 ? 3 : eventId % 3);
            for (var outlet = 0; outlet < outlets && summaries.Count < count; outlet++)
            {
                summaries.Add(news.Summary(eventId, outlet, Day, eventTerms));
            }
        }

        var composer = new BriefingComposer(new StoryGrouper(new GroupingOptions()), new StoryWriter());
        var stopwatch = Stopwatch.StartNew();
        var briefing = composer.Compose(DateOnly.FromDateTime(Day.UtcDateTime), summaries, []);
        var seconds = stopwatch.Elapsed.TotalSeconds;
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var peak = process.PeakWorkingSet64;

        // The day's email, after the peak of composing was taken: its HTML part must stay within the budget.
        var email = new Digest.Mail.BriefingEmailBuilder(
            Microsoft.Extensions.Options.Options.Create(new Digest.Mail.MailOptions { PublicBaseUrl = "https://news.example.org" }),
            new Digest.Subscribers.SubscriberTokens(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            TimeProvider.System).Build(briefing, "reader@example.com", Day);
        return string.Create(CultureInfo.InvariantCulture,
            $"{seconds,6:F2} s, {briefing.Stories.Count:N0} stories, peak memory {peak / (1024.0 * 1024):N0} MB; " +
            $"email HTML {System.Text.Encoding.UTF8.GetByteCount(email.HtmlBody) / 1024.0:N1} KB");
    }

    private static async Task<string> ComposeInChildAsync(int count, int eventTerms, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(typeof(BenchCommand).Assembly.Location);
        }

        foreach (var argument in new[] { "bench", "compose-child", "--count", count.ToString(CultureInfo.InvariantCulture), "--event-terms", eventTerms.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start)!;
        var result = await child.StandardOutput.ReadToEndAsync(cancellationToken);
        var problems = await child.StandardError.ReadToEndAsync(cancellationToken);
        await child.WaitForExitAsync(cancellationToken);
        return child.ExitCode == 0 ? result.Trim() : $"failed ({child.ExitCode}): {problems.Trim()}";
    }

    internal static void PinToOneCore()
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
        {
            using var process = Process.GetCurrentProcess();
            process.ProcessorAffinity = 1;
        }
    }
}
