using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Digest.Briefings;
using Digest.Storage;
using Microsoft.Extensions.Logging;

namespace Digest.Mail;

/// <summary>
/// How a briefing's sending went. <paramref name="InProgressElsewhere"/> counts readers another sender holds the claim
/// for right now: they are neither sent nor skipped for good, so the job must be tried again after the claim's lease.
/// </summary>
public sealed record DeliveryReport(int Sent, int AlreadySent, IReadOnlyList<string> Invalid, int InProgressElsewhere = 0);

/// <summary>
/// Sends a briefing to each recipient once, in batches as large as the sender takes (SendGrid: up to 1,000 per
/// request; outbox and SMTP: one). Every email has a delivery key (briefing date + a hash of the address). Before a
/// batch goes out, each of its readers is claimed in the delivery log, and only one sender can win a claim, so
/// concurrent or redelivered jobs and parallel runs never both send to a reader; the claim becomes a delivery record
/// once the sender accepted the batch. A batch the sender cannot deliver throws (its claims are released), so nothing
/// is dropped silently, and the next attempt sends what was not recorded. A claim left by a sender that died expires
/// after <see cref="ClaimLease"/>; then the reader is tried again.
/// </summary>
public sealed partial class BriefingMailer(
    BriefingEmailBuilder builder,
    IEmailSender sender,
    IDeliveryLog deliveries,
    TimeProvider time,
    ILogger<BriefingMailer> logger)
{
    /// <summary>
    /// How long a claim keeps other senders off a reader. Longer than one batch takes to send (one SMTP email, or one
    /// SendGrid request with its retries), shorter than the queue's retries of a job (five, a minute apart), so a job
    /// whose sender died is retried while it is still on the queue.
    /// </summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(2);

    private static readonly ParallelOptions Recording = new() { MaxDegreeOfParallelism = 16, CancellationToken = CancellationToken.None };

    /// <summary>Sends <paramref name="briefing"/> to every valid, not yet served address in <paramref name="recipients"/>.</summary>
    /// <returns>Counts, and the addresses skipped as invalid (for the caller to report, never logged here).</returns>
    public async Task<DeliveryReport> SendAsync(Briefing briefing, IEnumerable<string> recipients, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(briefing);
        ArgumentNullException.ThrowIfNull(recipients);

        int sent = 0, alreadySent = 0, elsewhere = 0;
        var invalid = new List<string>();
        var pending = new List<string>();
        foreach (var recipient in recipients.Select(r => r.Trim()).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (EmailAddressRules.IsValid(recipient))
            {
                pending.Add(recipient);
            }
            else
            {
                invalid.Add(recipient);
            }
        }

        var batchSize = Math.Max(1, sender.MaxBatchSize);
        foreach (var chunk in pending.Chunk(batchSize))
        {
            var claims = new DeliveryClaim[chunk.Length];
            try
            {
                await Parallel.ForEachAsync(
                    Enumerable.Range(0, chunk.Length),
                    new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
                    async (i, token) => claims[i] = await deliveries.TryClaimAsync(DeliveryKey(briefing.Date, chunk[i]), ClaimLease, token));
            }
            catch
            {
                // A claim could not be written (a full disk, storage refusing): nothing of this batch is sent; the
                // claims taken are given back so the rerun need not wait for their lease.
                await ReleaseAsync(claims.Where(c => c is { Outcome: ClaimOutcome.Claimed }));
                throw;
            }

            alreadySent += claims.Count(c => c.Outcome == ClaimOutcome.AlreadyDelivered);
            elsewhere += claims.Count(c => c.Outcome == ClaimOutcome.HeldElsewhere);
            var claimed = Enumerable.Range(0, chunk.Length).Where(i => claims[i].Outcome == ClaimOutcome.Claimed).ToArray();
            if (claimed.Length == 0)
            {
                continue;
            }

            var batch = builder.BuildBatch(briefing, claimed.Select(i => chunk[i]).ToArray(), time.GetUtcNow());
            try
            {
                await sender.SendBatchAsync(batch, cancellationToken);
            }
            catch (Exception failure)
            {
                if (failure is not OperationCanceledException)
                {
                    LogBatchFailed(failure, briefing.Date.ToIso(), claimed.Length, sent);
                }

                await ReleaseAsync(claimed.Select(i => claims[i]));
                throw;
            }

            // The sender accepted the batch: from here on the records must be written even if the invocation is being
            // cancelled, or a retry would send the same briefing again once the claims expire. Written in parallel so a
            // batch of 1,000 is recorded in moments.
            await Parallel.ForEachAsync(
                Enumerable.Range(0, claimed.Length),
                Recording,
                async (j, _) => await deliveries.RecordDeliveredAsync(claims[claimed[j]].DeliveryKey, batch.Recipients[j].MessageId, CancellationToken.None));

            sent += claimed.Length;
        }

        LogSent(briefing.Date.ToIso(), sent, alreadySent, elsewhere, invalid.Count);
        return new DeliveryReport(sent, alreadySent, invalid, elsewhere);
    }

    /// <summary>
    /// Gives claims back after a failure. Best effort: a claim that cannot be released (storage failing too) simply
    /// expires after its lease, and the failure that is being reported stays the one the caller sees.
    /// </summary>
    private async Task ReleaseAsync(IEnumerable<DeliveryClaim> claims) =>
        await Parallel.ForEachAsync(claims, Recording, async (claim, _) =>
        {
            try
            {
                await deliveries.ReleaseClaimAsync(claim, CancellationToken.None);
            }
            catch (Exception failed) when (failed is IOException or UnauthorizedAccessException or Azure.RequestFailedException or AggregateException)
            {
                LogReleaseFailed(failed, claim.DeliveryKey);
            }
        });

    [LoggerMessage(Level = LogLevel.Warning, Message = "The claim {DeliveryKey} could not be released; it expires after its lease")]
    private partial void LogReleaseFailed(Exception failure, string deliveryKey);

    /// <summary>A key that names the email without naming the person: the date and a hash of the address.</summary>
    public static string DeliveryKey(DateOnly date, string recipient) =>
        date.ToIso() + "-" +
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(recipient.Trim().ToLowerInvariant())))[..32];

    [LoggerMessage(Level = LogLevel.Information, Message = "Briefing {Date}: {SentCount} emails sent, {AlreadySentCount} already sent, {InProgressCount} being sent by another sender, {InvalidCount} invalid addresses skipped")]
    private partial void LogSent(string date, int sentCount, int alreadySentCount, int inProgressCount, int invalidCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "Briefing {Date}: a batch of {BatchCount} emails was not accepted ({SentCount} sent before it); the next run sends the rest")]
    private partial void LogBatchFailed(Exception failure, string date, int batchCount, int sentCount);
}
