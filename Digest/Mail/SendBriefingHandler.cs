using System.Text;
using Digest.Storage;
using Microsoft.Extensions.Logging;

namespace Digest.Mail;

/// <summary>A queue message that is not an email job; retrying cannot fix it, so it ends in the poison queue.</summary>
public sealed class UnusableEmailJobException(string reason, Exception? inner = null)
    : Exception($"The email job cannot be used: {reason}", inner);

/// <summary>The briefing an email job is for is not stored: the job cannot be sent (it is retried, then set aside).</summary>
public sealed class BriefingNotStoredException(DateOnly date)
    : InvalidOperationException($"The briefing for {date.ToIso()} is not stored, so its email job cannot be sent.")
{
    public DateOnly Date { get; } = date;
}

/// <summary>
/// Some readers of a job are being sent to by another sender right now (a duplicate of the job, or a second run);
/// the job is tried again later, when those readers are either recorded as sent or their claim has expired.
/// </summary>
public sealed class DeliveryInProgressException(DateOnly date, int readers)
    : Exception($"Briefing {date.ToIso()}: {readers} readers of this job are being sent to by another sender; the job will be retried.")
{
    public DateOnly Date { get; } = date;

    public int Readers { get; } = readers;
}

/// <summary>
/// Sends one email job (a batch of readers for one briefing), for the <c>SendBriefing</c> queue function and for
/// <c>run</c>. Readers already served are skipped, so a redelivered job sends nothing twice. A job that cannot be
/// used, or a briefing not stored (yet), throws: the queue delivers the message again and, after its maximum dequeue
/// count, moves it to the poison queue, so nothing is dropped silently.
/// </summary>
public sealed partial class SendBriefingHandler(IBriefingStore briefings, BriefingMailer mailer, ILogger<SendBriefingHandler> logger)
{
    /// <exception cref="UnusableEmailJobException">The message is empty, not JSON, or not an email job.</exception>
    /// <exception cref="BriefingNotStoredException">The job's briefing is not stored.</exception>
    /// <exception cref="DeliveryInProgressException">Another sender holds some of the job's readers; retry the job later.</exception>
    public async Task<DeliveryReport> HandleAsync(string? message, CancellationToken cancellationToken = default)
    {
        EmailJob job;
        try
        {
            job = EmailJob.FromMessage(Encoding.UTF8.GetBytes(message ?? string.Empty));
        }
        catch (FormatException malformed)
        {
            LogUnusable(malformed.Message);
            throw new UnusableEmailJobException(malformed.Message, malformed);
        }

        var briefing = await briefings.FindAsync(job.Date, cancellationToken)
            ?? throw new BriefingNotStoredException(job.Date);
        var report = await mailer.SendAsync(briefing, job.Recipients, cancellationToken);
        LogBatchSent(job.Date.ToIso(), job.Batch, report.Sent, report.AlreadySent, report.Invalid.Count);
        if (report.InProgressElsewhere > 0)
        {
            throw new DeliveryInProgressException(job.Date, report.InProgressElsewhere);
        }

        return report;
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Error, Message = "An email-jobs message cannot be used ({Reason}); it goes to the poison queue after its last retry")]
    private partial void LogUnusable(string reason);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Briefing {Date} batch {Batch}: {SentCount} sent, {AlreadySentCount} already sent, {InvalidCount} invalid")]
    private partial void LogBatchSent(string date, int batch, int sentCount, int alreadySentCount, int invalidCount);
}
