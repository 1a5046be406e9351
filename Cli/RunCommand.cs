using System.CommandLine;
using System.Globalization;
using Digest.Articles;
using Digest.Briefings;
using Digest;
using Digest.Mail;
using Digest.Storage;
using Digest.Storage.AzureStorage;
using Digest.Summaries;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Digest.Cli;

/// <summary>
/// <c>run [ARTICLES-DIR] [--out DIR] [--storage CONN] [--date YYYY-MM-DD] [--to EMAIL ...]</c>: the whole daily flow.
/// By default on one machine: local-folder storage, the built-in summarizer, and emails written as .eml files to the
/// outbox. With <c>--storage</c> (or the <c>AzureWebJobsStorage</c> setting) summaries and briefings go to that
/// storage account, and without an articles folder the articles are read from its <c>articles</c> container.
/// Rerunning over the same input gives the same briefing and sends nothing twice.
/// </summary>
public static class RunCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var articles = new Argument<DirectoryInfo?>("articles-dir")
        {
            Description = "Folder of article files (.txt, .md, .html, .htm, .json); with a storage account, default: its uploaded articles",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var outFolder = new Option<DirectoryInfo>("--out")
        {
            Description = "Data folder for summaries, briefings, outbox and subscribers.json",
            DefaultValueFactory = _ => new DirectoryInfo("digest-data"),
        };
        var date = new Option<string?>("--date") { Description = "Briefing date, YYYY-MM-DD (default: the newest day closed by Briefing:Cutoff in Briefing:TimeZone, as the timer composes)" };
        var to = new Option<string[]>("--to") { Description = "Also email the briefing to this address (repeatable)", AllowMultipleArgumentsPerToken = true };
        var storage = new Option<string?>("--storage") { Description = "Storage connection string (default: the AzureWebJobsStorage setting, else the --out folder)" };

        var command = new Command("run", "Summarize a folder of articles, compose the day's briefing and write the emails.")
        {
            articles, outFolder, date, to, storage,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = new RunRequest(parse.GetValue(articles), parse.GetValue(outFolder)!, parse.GetValue(date), parse.GetValue(to) ?? [], parse.GetValue(storage));
            return await ExecuteAsync(request, output, error, cancellationToken);
        });
        return command;
    }

    private sealed record RunRequest(DirectoryInfo? Articles, DirectoryInfo Out, string? Date, string[] To, string? Storage);

    private static async Task<int> ExecuteAsync(RunRequest request, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (request.Articles is { Exists: false })
        {
            await error.WriteLineAsync($"Articles folder '{request.Articles.FullName}' does not exist.");
            return DigestCli.BadArguments;
        }

        if (DataFolder.Problem(request.Out) is { } badFolder)
        {
            await error.WriteLineAsync(badFolder);
            return DigestCli.BadArguments;
        }

        DateOnly? requestedDate = null;
        if (request.Date is not null)
        {
            if (!DateOnly.TryParseExact(request.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                await error.WriteLineAsync($"--date '{request.Date}' is not a date in the form YYYY-MM-DD.");
                return DigestCli.BadArguments;
            }

            requestedDate = parsed;
        }

        var badAddress = request.To.FirstOrDefault(a => !EmailAddressRules.IsValid(a));
        if (badAddress is not null)
        {
            await error.WriteLineAsync($"--to '{badAddress}' is not a valid email address.");
            return DigestCli.BadArguments;
        }

        ServiceProvider services;
        try
        {
            services = BuildServices(request.Out.FullName, request.Storage);
        }
        catch (FormatException invalid)
        {
            await error.WriteLineAsync($"Configuration error: {invalid.Message}");
            return DigestCli.BadArguments;
        }

        await using var disposeServices = services;
        if (request.Articles is null && services.GetRequiredService<IDigestStore>() is LocalFolderStore)
        {
            await error.WriteLineAsync(
                "No articles folder given: give the folder of articles to run on, or --storage (or the AzureWebJobsStorage setting) to run on the uploaded articles.");
            return DigestCli.BadArguments;
        }

        try
        {
            DigestServices.ValidateOptions(services);
        }
        catch (OptionsValidationException invalid)
        {
            await error.WriteLineAsync($"Configuration error: {string.Join("; ", invalid.Failures)}");
            return DigestCli.BadArguments;
        }

        try
        {
            var day = requestedDate ?? services.GetRequiredService<DailyBriefing>().LatestClosedWindow().Date;
            return await RunAsync(services, request, day, output, cancellationToken);
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException or InvalidDataException or Azure.RequestFailedException)
        {
            await error.WriteLineAsync($"Run failed: {failure.Message}");
            return DigestCli.Failure;
        }
        catch (EmailDeliveryException refused)
        {
            // Nothing is lost: the briefing is stored, every email sent is recorded, and the batch that failed gave its
            // readers back (queued jobs stay queued, --to readers have no delivery record).
            await error.WriteLineAsync(
                $"Run failed: the mail service did not accept the briefing: {refused.Message.TrimEnd('.')}. " +
                (refused.IsPermanent ? "Sending the same again will not help: fix the cause (the mail settings, the sender address or the service's account) first. " : string.Empty) +
                "Nothing was lost: the briefing is stored and the emails already sent are recorded; a rerun with the same --date sends only the ones not sent yet.");
            return DigestCli.Failure;
        }
        catch (AggregateException retried) when (retried.InnerExceptions.All(e => e is Azure.RequestFailedException))
        {
            // The SDK gave up after its retries: storage did not answer (stopped, unreachable, or failing each time).
            await error.WriteLineAsync($"Run failed: storage did not answer after retries: {retried.InnerExceptions[^1].Message}");
            return DigestCli.Failure;
        }
    }

    private static async Task<int> RunAsync(ServiceProvider services, RunRequest request, DateOnly day, TextWriter output, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<IDigestStore>();
        var maxBytes = services.GetRequiredService<IOptions<IntakeOptions>>().Value.MaxArticleBytes;
        var articles = request.Articles is { } folder ? FolderArticles(folder, maxBytes) : await StoredArticlesAsync(store, cancellationToken);
        var source = request.Articles is { } given ? given.FullName : $"the articles of {StorageServices.Describe(store)}";
        await output.WriteLineAsync($"Digest run for {day:yyyy-MM-dd}: {articles.Count} files in {TerminalText.Safe(source)}");
        var summarize = services.GetRequiredService<SummarizeArticleHandler>();
        var outcomes = new List<IntakeOutcome>(articles.Count);
        var skipped = new List<(string Name, string Reason)>();
        for (var i = 0; i < articles.Count; i++)
        {
            var (name, read) = articles[i];
            var file = await read(cancellationToken);
            if (file.Skipped is { } reason)
            {
                skipped.Add((name, reason));
                await output.WriteLineAsync($"  [{i + 1}/{articles.Count}] {TerminalText.Safe(name)}: skipped: {TerminalText.Safe(reason)}");
                continue;
            }

            var outcome = await summarize.HandleAsync(name, file.Content, cancellationToken);
            outcomes.Add(outcome);
            await output.WriteLineAsync($"  [{i + 1}/{articles.Count}] {TerminalText.Safe(name)}: {TerminalText.Safe(Describe(outcome))}");
        }

        // An article goes into one daily briefing: what an earlier (or later) day's stored briefing holds stays out.
        var briefed = await BriefedOnOtherDaysAsync(services.GetRequiredService<IBriefingStore>(), day, cancellationToken);
        var summaries = outcomes.Where(o => o.Summary is not null && !briefed.Contains(o.Article)).Select(o => o.Summary!).ToArray();
        if (briefed.Count > 0 && outcomes.Any(o => briefed.Contains(o.Article)))
        {
            await output.WriteLineAsync($"  {outcomes.Count(o => briefed.Contains(o.Article))} articles left out: they are in the briefing of another day.");
        }

        var rejectedNow = outcomes.Where(o => o.Result == IntakeResult.Rejected).Select(o => o.Article).ToHashSet(StringComparer.Ordinal);
        var rejections = await services.GetRequiredService<ISummaryStore>().ListRejectionsAsync(cancellationToken)
            .Where(r => rejectedNow.Contains(r.Article))
            .ToListAsync(cancellationToken);
        // The same flow as the ComposeBriefing timer and the SendBriefing queue function: compose and store the
        // briefing, queue its email jobs for the subscribers, then send every queued job; --to addresses are sent directly.
        var daily = await services.GetRequiredService<DailyBriefing>().ComposeAndQueueAsync(day, summaries, rejections, cancellationToken);
        var briefing = daily.Briefing;
        var (delivery, setAside) = briefing.Stories.Count > 0 ? await SendQueuedAsync(services, cancellationToken) : (new DeliveryReport(0, 0, []), []);
        if (briefing.Stories.Count > 0 && request.To.Length > 0)
        {
            delivery = Add(delivery, await services.GetRequiredService<BriefingMailer>().SendAsync(briefing, request.To, cancellationToken));
        }

        var recipients = request.To.Length + await services.GetRequiredService<ISubscriberStore>().ListConfirmedAsync(cancellationToken).CountAsync(cancellationToken);
        var briefingPlace = store is LocalFolderStore ? Path.Combine(request.Out.FullName, "briefings") : $"{StorageServices.Describe(store)}, container {StorageNames.BriefingsContainer}";
        await WriteReportAsync(output, request.Out.FullName, briefingPlace, briefing, outcomes, skipped, delivery, recipients);
        foreach (var reason in setAside)
        {
            await output.WriteLineAsync($"  1 email job set aside on the poison queue ({TerminalText.Safe(PoisonPlace(store, request.Out.FullName))}), not retried: {TerminalText.Safe(reason)}");
        }
        return DigestCli.Success;
    }

    /// <summary>
    /// Sends every job waiting on the email-jobs queue, as the SendBriefing function does; a job whose send fails stays
    /// queued (visible again after its timeout) and the run fails, so the next run sends what is missing. A job that
    /// can never be sent (not an email job, a damaged file, a briefing not stored) is set aside on the poison queue with
    /// its reason, and the other jobs go on.
    /// </summary>
    private static async Task<(DeliveryReport Report, List<string> SetAside)> SendQueuedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var queue = services.GetRequiredService<IJobQueue>();
        var send = services.GetRequiredService<SendBriefingHandler>();
        var total = new DeliveryReport(0, 0, []);
        var setAside = new List<string>();
        while (await queue.ReceiveAsync(JobVisibility, cancellationToken) is { } job)
        {
            string? unusable = job.Damage;
            if (unusable is null)
            {
                try
                {
                    total = Add(total, await send.HandleAsync(job.Body, cancellationToken));
                }
                catch (DeliveryInProgressException inProgress)
                {
                    // Another run is sending to some of these readers: leave the job queued; it is retried once they are done.
                    total = Add(total, new DeliveryReport(0, 0, [], inProgress.Readers));
                    continue;
                }
                catch (Exception cannot) when (cannot is UnusableEmailJobException or BriefingNotStoredException)
                {
                    unusable = cannot.Message;
                }
            }

            if (unusable is not null)
            {
                await queue.SetAsideAsync(job, unusable, cancellationToken);
                setAside.Add(unusable);
                continue;
            }

            await queue.CompleteAsync(job, cancellationToken);
        }

        return (total, setAside);
    }

    private static string PoisonPlace(IDigestStore store, string outFolder) =>
        store is LocalFolderStore ? Path.Combine(outFolder, "queues", "email-jobs-poison") : $"{StorageServices.Describe(store)}, queue {StorageNames.EmailJobsPoisonQueue}";

    /// <summary>How long a job taken by this run stays hidden from other senders: as host.json's queue visibility timeout.</summary>
    private static readonly TimeSpan JobVisibility = TimeSpan.FromMinutes(1);

    private static DeliveryReport Add(DeliveryReport a, DeliveryReport b) =>
        new(a.Sent + b.Sent, a.AlreadySent + b.AlreadySent, [.. a.Invalid, .. b.Invalid], a.InProgressElsewhere + b.InProgressElsewhere);

    /// <summary>How many days around a briefing's date are checked for articles already briefed.</summary>
    private const int BriefedLookAroundDays = 31;

    private static async Task<HashSet<string>> BriefedOnOtherDaysAsync(IBriefingStore briefings, DateOnly day, CancellationToken cancellationToken)
    {
        var briefed = new HashSet<string>(StringComparer.Ordinal);
        for (var other = day.AddDays(-BriefedLookAroundDays); other <= day.AddDays(BriefedLookAroundDays); other = other.AddDays(1))
        {
            Briefing? briefing;
            try
            {
                briefing = other == day ? null : await briefings.FindAsync(other, cancellationToken);
            }
            catch (DamagedRecordException)
            {
                // A damaged briefing of another day does not stop today's; its articles may appear again.
                briefing = null;
            }

            if (briefing is not null)
            {
                briefed.UnionWith(briefing.Stories.SelectMany(s => s.Sources).Select(s => s.Article));
            }
        }

        return briefed;
    }

    private sealed record ArticleSource(string Name, Func<CancellationToken, Task<FolderFile>> Read);

    /// <summary>The folder's articles, read safely (<see cref="ArticleFolder"/>): links and special files are skipped with their reason.</summary>
    private static List<ArticleSource> FolderArticles(DirectoryInfo folder, int maxBytes) =>
        ArticleFolder.List(folder)
            .Select(entry => new ArticleSource(entry.Name, token => ArticleFolder.ReadAsync(entry, maxBytes, token)))
            .ToList();

    private static async Task<List<ArticleSource>> StoredArticlesAsync(IArticleStore store, CancellationToken cancellationToken) =>
        await store.ListArticleNamesAsync(cancellationToken: cancellationToken)
            .Select(name => new ArticleSource(name, async token => new FolderFile(
                (await store.GetArticleAsync(name, token))?.Content ?? throw new IOException($"Article '{name}' disappeared from the store during the run."), null)))
            .ToListAsync(cancellationToken);

    private static async Task WriteReportAsync(
        TextWriter output, string outFolder, string briefingPlace, Briefing briefing, List<IntakeOutcome> outcomes, List<(string Name, string Reason)> skipped,
        DeliveryReport? delivery, int recipientCount)
    {
        var date = briefing.Date.ToIso();
        await output.WriteLineAsync();
        await output.WriteLineAsync($"Articles read:  {outcomes.Count} ({outcomes.Count(o => o.Result == IntakeResult.Summarized)} summarized, " +
            $"{outcomes.Count(o => o.Result == IntakeResult.AlreadySummarized)} already summarized, {outcomes.Count(o => o.Result == IntakeResult.Rejected)} rejected)" +
            (skipped.Count > 0 ? $", {skipped.Count} skipped" : string.Empty));
        foreach (var rejected in briefing.Rejected)
        {
            await output.WriteLineAsync($"  rejected {TerminalText.Safe(rejected.Article)}: {TerminalText.Safe(rejected.Reason)}");
        }

        foreach (var (name, reason) in skipped)
        {
            await output.WriteLineAsync($"  skipped {TerminalText.Safe(name)}: {TerminalText.Safe(reason)}");
        }

        await output.WriteLineAsync($"Stories:        {briefing.Stories.Count} from {briefing.ArticleCount} distinct articles");
        foreach (var story in briefing.Stories)
        {
            await output.WriteLineAsync($"  - {TerminalText.Safe(story.Headline)} ({story.Sources.Count} {(story.Sources.Count == 1 ? "source" : "sources")}: " +
                $"{TerminalText.Safe(string.Join(", ", story.Sources.Select(s => s.Outlet).Distinct()))})");
        }

        await output.WriteLineAsync($"Briefing:       {Path.Combine(briefingPlace, date)}.json|.html|.txt");
        var emails = (delivery, briefing.Stories.Count, recipientCount) switch
        {
            (_, 0, _) => "none (no stories today)",
            (_, _, 0) => "none (no --to and no subscribers.json)",
            ({ } d, _, _) => $"{d.Sent} written to {Path.Combine(outFolder, "outbox")}, {d.AlreadySent} already sent" +
                (d.InProgressElsewhere > 0 ? $", {d.InProgressElsewhere} being sent by another run (left queued)" : string.Empty) +
                (d.Invalid.Count > 0 ? $", {d.Invalid.Count} invalid addresses skipped" : string.Empty),
            _ => "none",
        };
        await output.WriteLineAsync($"Emails:         {emails}");
    }

    private static string Describe(IntakeOutcome outcome) => outcome.Result switch
    {
        IntakeResult.Summarized => "summarized",
        IntakeResult.AlreadySummarized => "already summarized",
        _ => $"rejected: {outcome.Reason}",
    };

    /// <summary>
    /// The run's services, configured from environment variables; <paramref name="storage"/> (from <c>--storage</c>)
    /// takes the place of the <c>AzureWebJobsStorage</c> setting.
    /// </summary>
    /// <exception cref="FormatException">The storage settings are malformed.</exception>
    internal static ServiceProvider BuildServices(string outFolder, string? storage)
    {
        var builder = new ConfigurationBuilder().AddEnvironmentVariables();
        if (!string.IsNullOrWhiteSpace(storage))
        {
            builder.AddInMemoryCollection([new(StorageSettings.DefaultSettingName, storage)]);
        }

        var configuration = builder.Build();
        var services = new ServiceCollection();
        // The run prints its own progress and report; the log only adds errors.
        services.AddLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Error));
        services.AddDigest(configuration, outFolder);
        return services.BuildServiceProvider();
    }
}
