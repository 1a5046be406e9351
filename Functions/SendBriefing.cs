using Digest.Mail;
using Microsoft.Azure.Functions.Worker;

namespace Digest.Functions;

/// <summary>
/// Sends one batch of a briefing from the <c>email-jobs</c> queue. Readers already served are skipped, so a redelivered
/// message sends nothing twice. A message that cannot be used, or a send that fails, throws: the queue retries it and
/// after <c>maxDequeueCount</c> (host.json) moves it to <c>email-jobs-poison</c>.
/// </summary>
public sealed class SendBriefing(SendBriefingHandler handler)
{
    [Function(nameof(SendBriefing))]
    public async Task RunAsync(
        [QueueTrigger(Bindings.EmailJobsQueue, Connection = Bindings.StorageConnection)] string message,
        CancellationToken cancellationToken) =>
        await handler.HandleAsync(message, cancellationToken);
}
