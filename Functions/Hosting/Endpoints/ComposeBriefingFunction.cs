using Digest.Briefings;
using Digest.Storage;
using Microsoft.Extensions.Options;

namespace Digest.Hosting.Endpoints;

/// <summary>
/// <c>ComposeBriefing</c>: timer trigger. Composes the briefing of the newest closed window (cutoff to cutoff in the
/// briefing's time zone), and of any closed window before it that no run composed, and queues their email jobs. Idempotent: a rerun or a past-due run for the same date keeps the
/// briefing already stored and queues only batches not queued yet. A day without stories sends nothing.
/// </summary>
public sealed partial class ComposeBriefingFunction(
    ISummaryStore summaries,
    IBriefingStore briefings,
    ComposeBriefingHandler compose,
    BriefingFanOut fanOut,
    IOptions<BriefingOptions> options,
    TimeProvider time,
    ILogger<ComposeBriefingFunction> logger)
{
    /// <summary>How far back a run looks for windows no run composed (missed timers, daylight-saving shifts).</summary>
    public const int MaxCatchUpDays = 7;

    public async Task<InvocationResponse> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        using var logs = InvocationLogs.Begin();
        var zone = options.Value.FindTimeZone();
        var cutoff = options.Value.CutoffTime();
        var results = new List<string>();
        foreach (var window in await WindowsToComposeAsync(BriefingWindow.LatestClosed(time.GetUtcNow(), zone, cutoff), zone, cutoff, cancellationToken))
        {
            results.Add(await ComposeAndQueueAsync(window, cancellationToken));
        }

        return new InvocationResponse { Logs = logs.Lines, ReturnValue = string.Join("; ", results) };
    }

    /// <summary>
    /// The newest closed window, preceded by any closed windows since the last stored briefing that no run composed
    /// (a timer that fired before the cutoff when daylight saving moved it, or days the app was down), oldest first.
    /// A fresh deployment with no briefing in the last <see cref="MaxCatchUpDays"/> days composes only the newest.
    /// </summary>
    private async Task<List<BriefingWindow>> WindowsToComposeAsync(BriefingWindow latest, TimeZoneInfo zone, TimeOnly cutoff, CancellationToken cancellationToken)
    {
        var missed = new List<BriefingWindow>();
        for (var day = latest.Date.AddDays(-1); day > latest.Date.AddDays(-MaxCatchUpDays); day = day.AddDays(-1))
        {
            if (await briefings.FindAsync(day, cancellationToken) is not null)
            {
                missed.Reverse();
                return [.. missed, latest];
            }

            missed.Add(BriefingWindow.For(day, zone, cutoff));
        }

        return [latest];
    }

    private async Task<string> ComposeAndQueueAsync(BriefingWindow window, CancellationToken cancellationToken)
    {
        var briefing = await briefings.FindAsync(window.Date, cancellationToken);
        if (briefing is null)
        {
            var inWindow = await summaries.ListSummarizedSinceAsync(window.Start, cancellationToken)
                .Where(s => window.Contains(s.SummarizedAt)).ToListAsync(cancellationToken);
            var rejected = await summaries.ListRejectedSinceAsync(window.Start, cancellationToken)
                .Where(r => window.Contains(r.RejectedAt)).ToListAsync(cancellationToken);
            briefing = (await compose.HandleAsync(window.Date, inWindow, rejected, cancellationToken)).Briefing;
        }
        else
        {
            LogAlreadyComposed(window.Date.ToIso());
        }

        var queued = briefing.Stories.Count > 0 ? await fanOut.QueueAsync(briefing, cancellationToken) : 0;
        return $"{window.Date.ToIso()}: {briefing.Stories.Count} stories, {queued} batches queued";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The briefing for {Date} was composed before; keeping it")]
    private partial void LogAlreadyComposed(string date);
}
