using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Digest.Mail;

/// <summary>
/// Sends email through an SMTP relay (self-hosted relays, development servers): one connection per message carrying
/// <see cref="MimeMessageWriter"/>'s exact bytes, STARTTLS and AUTH as <see cref="SmtpOptions"/> say. A temporary
/// refusal (4xx) or a lost connection is retried with growing delays up to <see cref="SmtpOptions.MaxAttempts"/>;
/// a permanent one (5xx) fails at once. Failures throw an <see cref="EmailDeliveryException"/>.
/// </summary>
public sealed partial class SmtpEmailSender : IEmailSender
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);

    private readonly SmtpOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<SmtpEmailSender> _logger;
    private readonly RemoteCertificateValidationCallback? _certificateValidation;

    /// <param name="options">Relay settings.</param>
    /// <param name="time">Clock for retry delays.</param>
    /// <param name="logger">Log for retries; it never receives addresses or the password.</param>
    /// <param name="certificateValidation">Checks the relay's TLS certificate; null for the system's trust store.</param>
    public SmtpEmailSender(
        IOptions<SmtpOptions> options,
        TimeProvider time,
        ILogger<SmtpEmailSender> logger,
        RemoteCertificateValidationCallback? certificateValidation = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _certificateValidation = certificateValidation;
    }

    /// <inheritdoc />
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var content = new MemoryStream();
        MimeMessageWriter.Write(message, content);
        var bytes = content.GetBuffer().AsMemory(0, (int)content.Length);

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var session = await SmtpSession.OpenAsync(_options, _certificateValidation, cancellationToken);
                await session.SendAsync(message.From.Address, message.To.Address, bytes, cancellationToken);
                await session.QuitAsync(cancellationToken);
                return;
            }
            catch (Exception failure) when (IsTransient(failure, cancellationToken) && attempt < _options.MaxAttempts)
            {
                LogRetry(attempt, Describe(failure));
                await Task.Delay(FirstRetryDelay * attempt, _time, cancellationToken);
            }
            catch (Exception failure) when (failure is SmtpProtocolException or IOException or SocketException or AuthenticationException
                || (failure is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                var code = (failure as SmtpProtocolException)?.Code;
                throw new EmailDeliveryException(
                    $"SMTP relay {_options.Host}:{_options.Port} did not accept the email after {attempt} attempt(s): {Describe(failure)}",
                    isPermanent: failure is SmtpProtocolException { IsPermanent: true } or AuthenticationException, code, failure);
            }
        }
    }

    private static bool IsTransient(Exception failure, CancellationToken cancellationToken) => failure switch
    {
        SmtpProtocolException smtp => !smtp.IsPermanent,
        IOException or SocketException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    private static string Describe(Exception failure) =>
        failure is OperationCanceledException ? "timed out" : AddressRedaction.Redact(failure.Message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMTP attempt {Attempt} failed: {Problem}; retrying")]
    private partial void LogRetry(int attempt, string problem);
}
