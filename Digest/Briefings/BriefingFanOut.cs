using System.Globalization;
using Digest.Mail;
using Digest.Storage;
using Microsoft.Extensions.Logging;

namespace Digest.Briefings;

/// <summary>
/// Queues the email jobs of a briefing: every confirmed reader, in batches, on the <c>email-jobs</c> queue. The batches
/// are fixed by the first run and stored with the briefing (the fan-out plan), and each is marked once queued, so a
/// rerun queues exactly the batches still missing, whoever subscribed or left in between; should a batch be queued
/// twice all the same (a crash between queueing and marking), the delivery records keep anyone from getting the
/// briefing twice.
/// </summary>
public sealed partial class BriefingFanOut(
    ISubscriberStore subscribers, IBriefingStore briefings, IJobQueue jobs, IDeliveryLog marks, ILogger<BriefingFanOut> logger)
{
    /// <summary>Returns how many batches were queued now (0 when all were queued before).</summary>
    public async Task<int> QueueAsync(Briefing briefing, CancellationToken cancellationToken = default)
    {
        var batches = await briefings.FindFanOutPlanAsync(briefing.Date, cancellationToken);
        if (batches is null)
        {
            var readers = await subscribers.ListConfirmedAsync(cancellationToken).Select(s => s.Email).ToListAsync(cancellationToken);
            batches = await briefings.SaveFanOutPlanAsync(briefing.Date, EmailJob.Batches(briefing.Date, readers), cancellationToken);
        }

        var queued = 0;
        foreach (var job in batches)
        {
            var mark = "fanout-" + job.Date.ToIso() + "-" + job.Batch.ToString("D5", CultureInfo.InvariantCulture);
            if (await marks.WasDeliveredAsync(mark, cancellationToken))
            {
                continue;
            }

            await jobs.EnqueueAsync(job.ToMessage(), cancellationToken);
            await marks.RecordDeliveredAsync(mark, mark, cancellationToken);
            queued++;
        }

        LogQueued(briefing.Date.ToIso(), queued, batches.Count, batches.Sum(b => b.Recipients.Count));
        return queued;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Briefing {Date}: queued {QueuedCount} of {BatchCount} email batches for {ReaderCount} readers")]
    private partial void LogQueued(string date, int queuedCount, int batchCount, int readerCount);
}
