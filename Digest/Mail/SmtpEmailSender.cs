using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Polly;
using Polly.Retry;

namespace Digest.Mail;

/// <summary>
/// Sends email through an SMTP relay (self-hosted relays, development servers) with MailKit: one connection per
/// message, STARTTLS and AUTH as <see cref="SmtpOptions"/> say, the message built by <see cref="EmailMime"/>. A
/// temporary refusal (4xx), a lost connection or a timeout is retried (Polly, growing delays) up to
/// <see cref="SmtpOptions.MaxAttempts"/>; a permanent refusal (5xx), a failed login or an untrusted certificate fails
/// at once. Failures throw an <see cref="EmailDeliveryException"/>.
/// </summary>
public sealed partial class SmtpEmailSender : IEmailSender
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);

    private readonly SmtpOptions _options;
    private readonly ILogger<SmtpEmailSender> _logger;
    private readonly RemoteCertificateValidationCallback? _certificateValidation;
    private readonly ResiliencePipeline _retry;

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
        ArgumentNullException.ThrowIfNull(time);
        _options = options.Value;
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _certificateValidation = certificateValidation;
        _retry = _options.MaxAttempts <= 1
            ? ResiliencePipeline.Empty
            : new ResiliencePipelineBuilder { TimeProvider = time }
                .AddRetry(new RetryStrategyOptions
                {
                    ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
                    MaxRetryAttempts = _options.MaxAttempts - 1,
                    BackoffType = DelayBackoffType.Linear,
                    Delay = FirstRetryDelay,
                    UseJitter = false,
                    OnRetry = retry =>
                    {
                        LogRetry(retry.AttemptNumber + 1, Describe(retry.Outcome.Exception!));
                        return ValueTask.CompletedTask;
                    },
                })
                .Build();
    }

    /// <inheritdoc />
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var mime = EmailMime.Create(message);
        var sender = new MailboxAddress(string.Empty, message.From.Address);
        var recipient = new MailboxAddress(string.Empty, message.To.Address);

        var attempts = 0;
        try
        {
            await _retry.ExecuteAsync(
                async token =>
                {
                    attempts++;
                    await SendOnceAsync(mime, sender, recipient, token);
                },
                cancellationToken);
        }
        catch (Exception failure) when (failure is not ArgumentException && !(failure is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            throw new EmailDeliveryException(
                $"SMTP relay {_options.Host}:{_options.Port} did not accept the email after {attempts} attempt(s): {Describe(failure)}",
                isPermanent: !IsTransient(failure),
                StatusCode(failure),
                failure);
        }
    }

    /// <inheritdoc />
    /// <remarks>Connects, negotiates TLS and signs in as a send would, then says goodbye without sending.</remarks>
    public async Task<string?> CheckAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            using var client = await ConnectAsync(cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return null;
        }
        catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return failure is AuthenticationException
                ? $"the SMTP relay {_options.Host}:{_options.Port} refused Mail:Smtp:UserName and Mail:Smtp:Password"
                : $"the SMTP relay {_options.Host}:{_options.Port} cannot be used: {Describe(failure)}";
        }
    }

    private async Task SendOnceAsync(MimeMessage mime, MailboxAddress sender, MailboxAddress recipient, CancellationToken cancellationToken)
    {
        using var client = await ConnectAsync(cancellationToken);
        await client.SendAsync(EmailMime.Format, mime, sender, [recipient], cancellationToken);
        try
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception failure) when (failure is IOException or SmtpProtocolException or SmtpCommandException)
        {
            // The message was accepted before; a lost goodbye changes nothing.
        }
    }

    /// <summary>A client connected, secured as configured and signed in when a user name is set.</summary>
    private async Task<SmtpClient> ConnectAsync(CancellationToken cancellationToken)
    {
        var client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(_options.TimeoutSeconds).TotalMilliseconds };
        try
        {
            await ConnectAsync(client, cancellationToken);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private async Task ConnectAsync(SmtpClient client, CancellationToken cancellationToken)
    {
        if (_certificateValidation is not null)
        {
            client.ServerCertificateValidationCallback = _certificateValidation;
        }

        var security = _options.UseStartTls switch
        {
            true => SecureSocketOptions.StartTls,
            false => SecureSocketOptions.None,
            null => SecureSocketOptions.StartTlsWhenAvailable,
        };
        try
        {
            await client.ConnectAsync(_options.Host, _options.Port, security, cancellationToken);
        }
        catch (NotSupportedException) when (security == SecureSocketOptions.StartTls)
        {
            throw new NotSupportedException($"{_options.Host}:{_options.Port} does not offer STARTTLS, which Mail:Smtp:UseStartTls requires.");
        }

        if (!string.IsNullOrEmpty(_options.UserName))
        {
            if (!client.IsSecure && !IsLoopback(_options.Host))
            {
                throw new NotSupportedException(
                    $"Refusing to send the SMTP password to {_options.Host} without TLS; the server did not offer STARTTLS or Mail:Smtp:UseStartTls is false.");
            }

            // Only the user name and password are configured: never try OAuth.
            client.AuthenticationMechanisms.Remove("XOAUTH2");
            client.AuthenticationMechanisms.Remove("OAUTHBEARER");
            await client.AuthenticateAsync(_options.UserName, _options.Password ?? string.Empty, cancellationToken);
        }
    }

    private static bool IsTransient(Exception failure) => failure switch
    {
        SmtpCommandException command => (int)command.StatusCode is >= 400 and < 500,
        AuthenticationException or SslHandshakeException or NotSupportedException => false,
        // A timeout shows as TimeoutException or as a cancellation the caller did not ask for (the caller's own stops the retries).
        SmtpProtocolException or ServiceNotConnectedException or IOException or SocketException or TimeoutException or OperationCanceledException => true,
        _ => false,
    };

    private static int? StatusCode(Exception failure) => failure switch
    {
        SmtpCommandException command => (int)command.StatusCode,
        AuthenticationException { InnerException: SmtpCommandException command } => (int)command.StatusCode,
        _ => null,
    };

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));

    private static string Describe(Exception failure) => failure switch
    {
        OperationCanceledException or TimeoutException => "timed out",
        SmtpCommandException command => $"{(int)command.StatusCode} {AddressRedaction.Redact(command.Message)}",
        _ => AddressRedaction.Redact(failure.Message),
    };

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "SMTP attempt {Attempt} failed: {Problem}; retrying")]
    private partial void LogRetry(int attempt, string problem);
}
