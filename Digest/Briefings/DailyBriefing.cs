using Digest.Storage;
using Digest.Summaries;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Digest.Briefings;

/// <summary>What one window's turn did: the briefing's date, its story count and the email batches queued now.</summary>
public sealed record DailyResult(DateOnly Date, Briefing Briefing, int BatchesQueued)
{
    public override string ToString() => $"{Date.ToIso()}: {Briefing.Stories.Count} stories, {BatchesQueued} batches queued";
}

/// <summary>
/// The daily flow after intake, one implementation for the <c>ComposeBriefing</c> timer and the <c>run</c> command:
/// which date a briefing covers (the newest window closed by the cutoff in the briefing's time zone), catching up on
/// windows no run composed, composing and storing the briefing, and queueing its email jobs (the fan-out). A day
/// without stories queues nothing.
/// </summary>
public sealed partial class DailyBriefing(
    ISummaryStore summaries,
    IBriefingStore briefings,
    ComposeBriefingHandler compose,
    BriefingFanOut fanOut,
    IOptions<BriefingOptions> options,
    TimeProvider time,
    ILogger<DailyBriefing> logger)
{
    /// <summary>How far back a run looks for windows no run composed (missed timers, daylight-saving shifts).</summary>
    public const int MaxCatchUpDays = 7;

    /// <summary>The newest window closed by now: the briefing a run at this moment composes.</summary>
    public BriefingWindow LatestClosedWindow() =>
        BriefingWindow.LatestClosed(time.GetUtcNow(), options.Value.FindTimeZone(), options.Value.CutoffTime());

    /// <summary>
    /// The timer's turn: composes the briefing of the newest closed window, and of any closed window before it that no
    /// run composed, and queues their email jobs. Idempotent: a briefing already stored is kept, and only batches not
    /// queued yet are queued.
    /// </summary>
    public async Task<IReadOnlyList<DailyResult>> ComposeDueAsync(CancellationToken cancellationToken = default)
    {
        var results = new List<DailyResult>();
        foreach (var window in await WindowsToComposeAsync(LatestClosedWindow(), cancellationToken))
        {
            var briefing = await FindOrRecomposeAsync(window.Date, cancellationToken);
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

            results.Add(new DailyResult(window.Date, briefing, await QueueAsync(briefing, cancellationToken)));
        }

        return results;
    }

    /// <summary>
    /// A run over a chosen set of articles: composes the briefing of <paramref name="date"/> from
    /// <paramref name="chosen"/> (replacing a stored one) and queues the email jobs not queued yet.
    /// </summary>
    public async Task<DailyResult> ComposeAndQueueAsync(
        DateOnly date, IReadOnlyCollection<ArticleSummary> chosen, IEnumerable<Rejection> rejections, CancellationToken cancellationToken = default)
    {
        var briefing = (await compose.HandleAsync(date, chosen, rejections, cancellationToken)).Briefing;
        return new DailyResult(date, briefing, await QueueAsync(briefing, cancellationToken));
    }

    private async Task<int> QueueAsync(Briefing briefing, CancellationToken cancellationToken) =>
        briefing.Stories.Count > 0 ? await fanOut.QueueAsync(briefing, cancellationToken) : 0;

    /// <summary>
    /// The newest closed window, preceded by any closed windows since the last stored briefing that no run composed
    /// (a timer that fired before the cutoff when daylight saving moved it, or days the app was down), oldest first.
    /// A fresh deployment with no briefing in the last <see cref="MaxCatchUpDays"/> days composes only the newest.
    /// </summary>
    private async Task<List<BriefingWindow>> WindowsToComposeAsync(BriefingWindow latest, CancellationToken cancellationToken)
    {
        var zone = options.Value.FindTimeZone();
        var cutoff = options.Value.CutoffTime();
        var missed = new List<BriefingWindow>();
        for (var day = latest.Date.AddDays(-1); day > latest.Date.AddDays(-MaxCatchUpDays); day = day.AddDays(-1))
        {
            if (await ExistsAsync(day, cancellationToken))
            {
                missed.Reverse();
                return [.. missed, latest];
            }

            missed.Add(BriefingWindow.For(day, zone, cutoff));
        }

        return [latest];
    }

    /// <summary>The stored briefing of the day; null when there is none, or when it is damaged (it is composed again).</summary>
    private async Task<Briefing?> FindOrRecomposeAsync(DateOnly date, CancellationToken cancellationToken)
    {
        try
        {
            return await briefings.FindAsync(date, cancellationToken);
        }
        catch (Storage.DamagedRecordException damaged)
        {
            LogDamagedBriefing(damaged, date.ToIso());
            return null;
        }
    }

    /// <summary>Whether a briefing was stored for another day; a damaged one was composed, so it counts, and never stops today's.</summary>
    private async Task<bool> ExistsAsync(DateOnly date, CancellationToken cancellationToken)
    {
        try
        {
            return await briefings.FindAsync(date, cancellationToken) is not null;
        }
        catch (Storage.DamagedRecordException damaged)
        {
            LogDamagedBriefing(damaged, date.ToIso());
            return true;
        }
    }

    [LoggerMessage(EventId = 3002, Level = LogLevel.Error, Message = "The stored briefing of {Date} is damaged; it is left out of this run")]
    private partial void LogDamagedBriefing(Exception exception, string date);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "The briefing for {Date} was composed before; keeping it")]
    private partial void LogAlreadyComposed(string date);
}
