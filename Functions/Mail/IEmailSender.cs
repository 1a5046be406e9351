namespace Digest.Mail;

/// <summary>Sends email. Implementations: the outbox folder (default), SMTP, SendGrid.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}
