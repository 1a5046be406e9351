using Digest.Briefings;
using Digest.Storage;
using Microsoft.Extensions.Options;

namespace Digest.Hosting.Endpoints;

/// <summary>
/// <c>ComposeBriefing</c>: timer trigger. Composes the briefing of the newest closed window (cutoff to cutoff in the
/// briefing's time zone) and queues its email jobs. Idempotent: a rerun or a past-due run for the same date keeps the
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
    public async Task<InvocationResponse> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        using var logs = InvocationLogs.Begin();
        var window = BriefingWindow.LatestClosed(time.GetUtcNow(), options.Value.FindTimeZone(), options.Value.CutoffTime());
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
        return new InvocationResponse { Logs = logs.Lines, ReturnValue = $"{window.Date:yyyy-MM-dd}: {briefing.Stories.Count} stories, {queued} batches queued" };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The briefing for {Date} was composed before; keeping it")]
    private partial void LogAlreadyComposed(string date);
}
