using System.CommandLine;
using System.Globalization;
using Digest.Briefings;
using Digest.Hosting;
using Digest.Mail;
using Digest.Storage;
using Digest.Summaries;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Digest.Cli;

/// <summary>
/// <c>run ARTICLES-DIR [--out DIR] [--date YYYY-MM-DD] [--to EMAIL ...]</c>: the whole daily flow on one machine with
/// the embedded defaults: local-folder storage, the built-in summarizer, and emails written as .eml files to the
/// outbox. Rerunning over the same input gives the same briefing and sends nothing twice.
/// </summary>
public static class RunCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var articles = new Argument<DirectoryInfo>("articles-dir") { Description = "Folder of article files (.txt, .md, .html, .htm, .json)" };
        var outFolder = new Option<DirectoryInfo>("--out")
        {
            Description = "Data folder for summaries, briefings, outbox and subscribers.json",
            DefaultValueFactory = _ => new DirectoryInfo("digest-data"),
        };
        var date = new Option<string?>("--date") { Description = "Briefing date, YYYY-MM-DD (default: today in Briefing:TimeZone)" };
        var to = new Option<string[]>("--to") { Description = "Also email the briefing to this address (repeatable)", AllowMultipleArgumentsPerToken = true };

        var command = new Command("run", "Summarize a folder of articles, compose the day's briefing and write the emails.")
        {
            articles, outFolder, date, to,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = new RunRequest(parse.GetValue(articles)!, parse.GetValue(outFolder)!, parse.GetValue(date), parse.GetValue(to) ?? []);
            return await ExecuteAsync(request, output, error, cancellationToken);
        });
        return command;
    }

    private sealed record RunRequest(DirectoryInfo Articles, DirectoryInfo Out, string? Date, string[] To);

    private static async Task<int> ExecuteAsync(RunRequest request, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!request.Articles.Exists)
        {
            await error.WriteLineAsync($"Articles folder '{request.Articles.FullName}' does not exist.");
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

        await using var services = BuildServices(request.Out.FullName);
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
            var day = requestedDate ?? Today(services);
            return await RunAsync(services, request, day, output, cancellationToken);
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            await error.WriteLineAsync($"Run failed: {failure.Message}");
            return DigestCli.Failure;
        }
    }

    private static async Task<int> RunAsync(ServiceProvider services, RunRequest request, DateOnly day, TextWriter output, CancellationToken cancellationToken)
    {
        var files = request.Articles.EnumerateFiles("*", SearchOption.AllDirectories)
            .Where(f => !f.Name.StartsWith('.'))
            .Select(f => (file: f, name: Path.GetRelativePath(request.Articles.FullName, f.FullName).Replace('\\', '/')))
            .OrderBy(f => f.name, StringComparer.Ordinal)
            .ToArray();

        await output.WriteLineAsync($"Digest run for {day:yyyy-MM-dd}: {files.Length} files in {request.Articles.FullName}");
        var summarize = services.GetRequiredService<SummarizeArticleHandler>();
        var outcomes = new List<IntakeOutcome>(files.Length);
        for (var i = 0; i < files.Length; i++)
        {
            var (file, name) = files[i];
            var outcome = await summarize.HandleAsync(name, await File.ReadAllBytesAsync(file.FullName, cancellationToken), cancellationToken);
            outcomes.Add(outcome);
            await output.WriteLineAsync($"  [{i + 1}/{files.Length}] {name}: {Describe(outcome)}");
        }

        var summaries = outcomes.Where(o => o.Summary is not null).Select(o => o.Summary!).ToArray();
        var rejections = await services.GetRequiredService<ISummaryStore>().ListRejectionsAsync(cancellationToken)
            .Where(r => outcomes.Any(o => o.Result == IntakeResult.Rejected && o.Article == r.Article))
            .ToListAsync(cancellationToken);
        var stored = await services.GetRequiredService<ComposeBriefingHandler>().HandleAsync(day, summaries, rejections, cancellationToken);
        var briefing = stored.Briefing;

        var recipients = request.To.ToList();
        await foreach (var subscriber in services.GetRequiredService<ISubscriberStore>().ListConfirmedAsync(cancellationToken))
        {
            recipients.Add(subscriber.Email);
        }

        DeliveryReport? delivery = null;
        if (briefing.Stories.Count > 0 && recipients.Count > 0)
        {
            delivery = await services.GetRequiredService<BriefingMailer>().SendAsync(briefing, recipients, cancellationToken);
        }

        await WriteReportAsync(output, request.Out.FullName, briefing, outcomes, delivery, recipients.Count);
        return DigestCli.Success;
    }

    private static async Task WriteReportAsync(
        TextWriter output, string outFolder, Briefing briefing, List<IntakeOutcome> outcomes, DeliveryReport? delivery, int recipientCount)
    {
        var date = briefing.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await output.WriteLineAsync();
        await output.WriteLineAsync($"Articles read:  {outcomes.Count} ({outcomes.Count(o => o.Result == IntakeResult.Summarized)} summarized, " +
            $"{outcomes.Count(o => o.Result == IntakeResult.AlreadySummarized)} already summarized, {outcomes.Count(o => o.Result == IntakeResult.Rejected)} rejected)");
        foreach (var rejected in briefing.Rejected)
        {
            await output.WriteLineAsync($"  rejected {rejected.Article}: {rejected.Reason}");
        }

        await output.WriteLineAsync($"Stories:        {briefing.Stories.Count} from {briefing.ArticleCount} distinct articles");
        foreach (var story in briefing.Stories)
        {
            await output.WriteLineAsync($"  - {story.Headline} ({story.Sources.Count} {(story.Sources.Count == 1 ? "source" : "sources")}: " +
                $"{string.Join(", ", story.Sources.Select(s => s.Outlet).Distinct())})");
        }

        await output.WriteLineAsync($"Briefing:       {Path.Combine(outFolder, "briefings", date)}.json|.html|.txt");
        var emails = (delivery, briefing.Stories.Count, recipientCount) switch
        {
            (_, 0, _) => "none (no stories today)",
            (_, _, 0) => "none (no --to and no subscribers.json)",
            ({ } d, _, _) => $"{d.Sent} written to {Path.Combine(outFolder, "outbox")}, {d.AlreadySent} already sent" +
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

    private static DateOnly Today(IServiceProvider services)
    {
        var zone = services.GetRequiredService<IOptions<BriefingOptions>>().Value.FindTimeZone();
        var now = TimeZoneInfo.ConvertTime(services.GetRequiredService<TimeProvider>().GetUtcNow(), zone);
        return DateOnly.FromDateTime(now.DateTime);
    }

    private static ServiceProvider BuildServices(string outFolder)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var services = new ServiceCollection();
        // The run prints its own progress and report; the log only adds errors.
        services.AddLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Error));
        services.AddDigest(configuration, outFolder);
        return services.BuildServiceProvider();
    }
}
