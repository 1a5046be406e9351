using Digest.Storage;

namespace Digest.Mail;

/// <summary>
/// Sends email by writing it to an outbox folder as <c>&lt;Message-ID&gt;.eml</c> (RFC 5322), for local runs and for a
/// mail relay to pick up, written by MimeKit. Each file appears whole (written to a temporary file, then moved into place), and a
/// message whose Message-ID is already in the outbox is not written again, so resending is harmless.
/// </summary>
public sealed class OutboxEmailSender : IEmailSender
{
    private readonly string _outbox;

    /// <param name="outboxPath">The outbox folder; created on first send.</param>
    public OutboxEmailSender(string outboxPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outboxPath);
        _outbox = Path.GetFullPath(outboxPath);
    }

    /// <summary>The file a message with <paramref name="messageId"/> is written to.</summary>
    public string PathFor(string messageId) => Path.Combine(_outbox, SafeNames.ToFileName(messageId) + ".eml");

    /// <inheritdoc />
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);

        using var content = new MemoryStream();
        EmailMime.Write(message, content);

        var path = PathFor(message.MessageId);
        if (File.Exists(path))
        {
            return;
        }

        Directory.CreateDirectory(_outbox);
        var temporary = Path.Combine(_outbox, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true))
            {
                await file.WriteAsync(content.GetBuffer().AsMemory(0, (int)content.Length), cancellationToken);
                await file.FlushAsync(cancellationToken);
            }

            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another send of the same message got there first: the outbox already holds it.
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
