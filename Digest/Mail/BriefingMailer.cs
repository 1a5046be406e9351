using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Digest.Briefings;
using Digest.Storage;
using Microsoft.Extensions.Logging;

namespace Digest.Mail;

/// <summary>How a briefing's sending went.</summary>
public sealed record DeliveryReport(int Sent, int AlreadySent, IReadOnlyList<string> Invalid);

/// <summary>
/// Sends a briefing to each recipient once, in batches as large as the sender takes (SendGrid: up to 1,000 per
/// request; outbox and SMTP: one). Every email has a delivery key (briefing date + a hash of the address); a key
/// already recorded is skipped, so a rerun or a redelivered job never sends the same briefing twice. Keys are written
/// only after the sender accepted the batch; a batch the sender cannot deliver throws, so nothing is dropped silently,
/// and the next run sends what was not recorded.
/// </summary>
public sealed partial class BriefingMailer(
    BriefingEmailBuilder builder,
    IEmailSender sender,
    IDeliveryLog deliveries,
    TimeProvider time,
    ILogger<BriefingMailer> logger)
{
    /// <summary>Sends <paramref name="briefing"/> to every valid, not yet served address in <paramref name="recipients"/>.</summary>
    /// <returns>Counts, and the addresses skipped as invalid (for the caller to report, never logged here).</returns>
    public async Task<DeliveryReport> SendAsync(Briefing briefing, IEnumerable<string> recipients, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(briefing);
        ArgumentNullException.ThrowIfNull(recipients);

        int sent = 0, alreadySent = 0;
        var invalid = new List<string>();
        var pending = new List<string>();
        foreach (var recipient in recipients.Select(r => r.Trim()).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (!EmailAddressRules.IsValid(recipient))
            {
                invalid.Add(recipient);
            }
            else if (await deliveries.WasDeliveredAsync(DeliveryKey(briefing.Date, recipient), cancellationToken))
            {
                alreadySent++;
            }
            else
            {
                pending.Add(recipient);
            }
        }

        var batchSize = Math.Max(1, sender.MaxBatchSize);
        foreach (var chunk in pending.Chunk(batchSize))
        {
            var batch = builder.BuildBatch(briefing, chunk, time.GetUtcNow());
            try
            {
                await sender.SendBatchAsync(batch, cancellationToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                LogBatchFailed(failure, briefing.Date.ToIso(), chunk.Length, sent);
                throw;
            }

            // The sender accepted the batch: from here on the records must be written even if the invocation is being
            // cancelled, or a retry would send the same briefing again to everyone not yet recorded. Written in
            // parallel so a batch of 1,000 is recorded in moments.
            await Parallel.ForEachAsync(
                Enumerable.Range(0, chunk.Length),
                new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = CancellationToken.None },
                async (i, _) => await deliveries.RecordDeliveredAsync(DeliveryKey(briefing.Date, chunk[i]), batch.Recipients[i].MessageId, CancellationToken.None));

            sent += chunk.Length;
        }

        LogSent(briefing.Date.ToIso(), sent, alreadySent, invalid.Count);
        return new DeliveryReport(sent, alreadySent, invalid);
    }

    /// <summary>A key that names the email without naming the person: the date and a hash of the address.</summary>
    public static string DeliveryKey(DateOnly date, string recipient) =>
        date.ToIso() + "-" +
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(recipient.Trim().ToLowerInvariant())))[..32];

    [LoggerMessage(Level = LogLevel.Information, Message = "Briefing {Date}: {SentCount} emails sent, {AlreadySentCount} already sent, {InvalidCount} invalid addresses skipped")]
    private partial void LogSent(string date, int sentCount, int alreadySentCount, int invalidCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "Briefing {Date}: a batch of {BatchCount} emails was not accepted ({SentCount} sent before it); the next run sends the rest")]
    private partial void LogBatchFailed(Exception failure, string date, int batchCount, int sentCount);
}
