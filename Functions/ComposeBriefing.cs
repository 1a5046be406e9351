using Digest.Briefings;
using Microsoft.Azure.Functions.Worker;

namespace Digest.Functions;

/// <summary>
/// Once a day (<c>%BriefingSchedule%</c>): composes the briefing of the newest closed window, and of any earlier window
/// no run composed, and queues its email jobs. A failure is retried with backoff within the hour; each retry does only
/// what is still missing.
/// </summary>
public sealed class ComposeBriefing(DailyBriefing daily)
{
    [Function(nameof(ComposeBriefing))]
    [ExponentialBackoffRetry(6, "00:00:30", "00:15:00")]
    public async Task RunAsync(
        [TimerTrigger("%" + Bindings.BriefingScheduleSetting + "%")] TimerInfo timer,
        CancellationToken cancellationToken) =>
        await daily.ComposeDueAsync(cancellationToken);
}
