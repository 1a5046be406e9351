using Digest.Mail;
using Digest.Storage;

namespace Digest.Hosting.Endpoints;

/// <summary>
/// <c>SendBriefing</c>: queue trigger on <c>email-jobs</c>. Sends one batch; readers already served (delivery
/// records) are skipped, so a redelivered message sends nothing twice. A failure answers non-2xx so the host retries,
/// and after the queue's maximum dequeue count the message lands in <c>email-jobs-poison</c>: nothing is lost.
/// </summary>
public sealed class SendBriefingFunction(IBriefingStore briefings, BriefingMailer mailer)
{
    public async Task<InvocationResponse> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        using var logs = InvocationLogs.Begin();
        EmailJob job;
        try
        {
            job = EmailJob.FromMessage(request.Binary(FunctionCatalog.JobBinding));
        }
        catch (FormatException malformed)
        {
            throw new InvalidInvocationException($"Data.{FunctionCatalog.JobBinding} is not an email job: {malformed.Message}");
        }

        var briefing = await briefings.FindAsync(job.Date, cancellationToken)
            ?? throw new InvalidOperationException($"The briefing for {job.Date:yyyy-MM-dd} is not stored; the job will be retried.");
        var report = await mailer.SendAsync(briefing, job.Recipients, cancellationToken);
        return new InvocationResponse
        {
            Logs = logs.Lines,
            ReturnValue = $"batch {job.Batch}: {report.Sent} sent, {report.AlreadySent} already sent, {report.Invalid.Count} invalid",
        };
    }
}
