using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Digest.Briefings;
using Digest.Storage;
using Digest.Subscribers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Digest.Mail;

/// <summary>How a briefing's sending went.</summary>
public sealed record DeliveryReport(int Sent, int AlreadySent, IReadOnlyList<string> Invalid);

/// <summary>
/// Sends a briefing to each recipient once. Every email has a delivery key (briefing date + a hash of the address);
/// a key already recorded is skipped, so a rerun or a redelivered job never sends the same briefing twice. The record
/// is written after the sender accepted the message; the Message-ID is the same on a retry, so a sender that saw the
/// message already (the outbox) does not duplicate it either.
/// </summary>
public sealed partial class BriefingMailer(
    BriefingEmailBuilder builder,
    IEmailSender sender,
    IDeliveryLog deliveries,
    SubscriberTokens tokens,
    IOptions<MailOptions> options,
    TimeProvider time,
    ILogger<BriefingMailer> logger)
{
    public async Task<DeliveryReport> SendAsync(Briefing briefing, IEnumerable<string> recipients, CancellationToken cancellationToken = default)
    {
        int sent = 0, alreadySent = 0;
        var invalid = new List<string>();
        foreach (var recipient in recipients.Select(r => r.Trim()).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (!EmailAddressRules.IsValid(recipient))
            {
                invalid.Add(recipient);
                continue;
            }

            var key = DeliveryKey(briefing.Date, recipient);
            if (await deliveries.WasDeliveredAsync(key, cancellationToken))
            {
                alreadySent++;
                continue;
            }

            var message = builder.Build(briefing, recipient, UnsubscribeUrl(recipient), time.GetUtcNow());
            await sender.SendAsync(message, cancellationToken);
            await deliveries.RecordDeliveredAsync(key, message.MessageId, cancellationToken);
            sent++;
        }

        LogSent(briefing.Date, sent, alreadySent, invalid.Count);
        return new DeliveryReport(sent, alreadySent, invalid);
    }

    /// <summary>A key that names the email without naming the person: the date and a hash of the address.</summary>
    public static string DeliveryKey(DateOnly date, string recipient) =>
        date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "-" +
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(recipient.Trim().ToLowerInvariant())))[..32];

    private string UnsubscribeUrl(string recipient) =>
        $"{options.Value.PublicBaseUrl.TrimEnd('/')}/api/unsubscribe?token={Uri.EscapeDataString(tokens.Create(SubscriberTokens.Unsubscribe, recipient))}";

    [LoggerMessage(Level = LogLevel.Information, Message = "Briefing {Date}: {SentCount} emails sent, {AlreadySentCount} already sent, {InvalidCount} invalid addresses skipped")]
    private partial void LogSent(DateOnly date, int sentCount, int alreadySentCount, int invalidCount);
}
