namespace Digest.Mail;

/// <summary>
/// Sends email. Implementations: the outbox folder (default), SMTP, SendGrid. A send either completes (the message
/// was accepted) or throws; nothing is dropped silently.
/// </summary>
public interface IEmailSender
{
    /// <summary>The most recipients <see cref="SendBatchAsync"/> accepts at once.</summary>
    int MaxBatchSize => 1;

    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);

    /// <summary>
    /// Checks that the sender could send now (the service is reachable and takes its credentials) without sending
    /// anything. Null when it can; otherwise what is wrong, in words an operator acts on (never a secret).
    /// </summary>
    Task<string?> CheckAsync(CancellationToken cancellationToken = default) => Task.FromResult<string?>(null);

    /// <summary>
    /// Sends <paramref name="batch"/> to each of its recipients (at most <see cref="MaxBatchSize"/>). It returns once
    /// every message is accepted and throws otherwise. By default each recipient's message is sent on its own.
    /// </summary>
    async Task SendBatchAsync(EmailBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Recipients.Count > MaxBatchSize)
        {
            throw new ArgumentException($"A batch holds at most {MaxBatchSize} recipients; this one has {batch.Recipients.Count}.", nameof(batch));
        }

        foreach (var recipient in batch.Recipients)
        {
            await SendAsync(batch.MessageFor(recipient), cancellationToken);
        }
    }
}
