using System.Text;
using System.Text.Json;

namespace Digest.Mail;

/// <summary>
/// One message on the <c>email-jobs</c> queue: send the briefing of <see cref="Date"/> to a batch of readers.
/// Batches are numbered so a rerun of the fan-out can tell which ones it already queued.
/// </summary>
public sealed record EmailJob(DateOnly Date, int Batch, IReadOnlyList<string> Recipients)
{
    /// <summary>Readers per job: SendGrid takes at most 1,000 personalizations per request.</summary>
    public const int MaxRecipients = 1000;

    /// <summary>Queue messages hold at most 64 KiB once base64-encoded, i.e. 48 KiB of text; stay well below.</summary>
    public const int MaxMessageBytes = 40 * 1024;

    public string ToMessage() => JsonSerializer.Serialize(this, DigestJson.Compact);

    /// <exception cref="FormatException">The message is not an email job.</exception>
    public static EmailJob FromMessage(ReadOnlySpan<byte> message)
    {
        try
        {
            var job = JsonSerializer.Deserialize<EmailJob>(message, DigestJson.Compact);
            return job switch
            {
                null => throw new FormatException("the message is JSON null"),
                { Recipients: null or { Count: 0 } } => throw new FormatException("the email job has no recipients"),
                { Batch: < 0 } => throw new FormatException("the email job has a negative batch number"),
                _ when job.Recipients.Any(string.IsNullOrWhiteSpace) => throw new FormatException("the email job lists an empty or null recipient"),
                _ when Storage.RecordShape.FindFault(job) is { } fault => throw new FormatException($"the email job is not complete: {fault}"),
                _ => job,
            };
        }
        catch (JsonException ex)
        {
            throw new FormatException(message.IsEmpty ? "the message is empty" : $"the message is not an email job in JSON: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Splits readers into jobs of at most <see cref="MaxRecipients"/> addresses and <see cref="MaxMessageBytes"/>
    /// bytes, in a stable order (sorted, duplicates removed) so a rerun builds the same batches.
    /// </summary>
    public static IReadOnlyList<EmailJob> Batches(DateOnly date, IEnumerable<string> recipients)
    {
        var jobs = new List<EmailJob>();
        var current = new List<string>();
        var bytes = 0;
        foreach (var recipient in recipients.Select(r => r.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase))
        {
            var size = Encoding.UTF8.GetByteCount(recipient) + 3;
            if (current.Count == MaxRecipients || (current.Count > 0 && bytes + size > MaxMessageBytes - 100))
            {
                jobs.Add(new EmailJob(date, jobs.Count, current));
                current = [];
                bytes = 0;
            }

            current.Add(recipient);
            bytes += size;
        }

        if (current.Count > 0)
        {
            jobs.Add(new EmailJob(date, jobs.Count, current));
        }

        return jobs;
    }
}
