using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace Digest.Mail;

/// <summary>
/// Sends email through SendGrid's v3 Mail Send API with the SendGrid package's client: one request per batch of up
/// to 1,000 recipients, each a personalization with its own <c>List-Unsubscribe</c> header, unsubscribe token and
/// Message-ID. The client runs over the <see cref="HttpClientName"/> client of <see cref="IHttpClientFactory"/>, whose
/// resilience handler (<see cref="AddRetries"/>) waits out a 429 until <c>X-RateLimit-Reset</c> and retries a 5xx or a
/// failed connection; any other 4xx fails at once. Failures throw an <see cref="EmailDeliveryException"/> with
/// SendGrid's own error messages. The API key is sent only in the Authorization header and never logged.
/// </summary>
public sealed partial class SendGridEmailSender : IEmailSender
{
    /// <summary>The <see cref="IHttpClientFactory"/> client SendGrid's requests go through.</summary>
    public const string HttpClientName = "SendGrid";

    /// <summary>Custom argument carrying each email's Message-ID into SendGrid's event data.</summary>
    public const string MessageIdArgument = "message_id";

    /// <summary>Added to a rate-limit wait: the reset is given in whole seconds and clocks differ a little.</summary>
    private static readonly TimeSpan RateLimitMargin = TimeSpan.FromSeconds(1);

    /// <summary>Headers SendGrid takes from fields of their own, not from <c>headers</c>.</summary>
    private static readonly HashSet<string> ReservedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Reply-To", "From", "To", "Cc", "Bcc", "Subject", "Content-Type", "Content-Transfer-Encoding", "Message-ID", "Date",
        "MIME-Version", "Received", "DKIM-Signature", "x-sg-id", "x-sg-eid",
    };

    private readonly IHttpClientFactory _httpClients;
    private readonly SendGridOptions _options;
    private readonly ILogger<SendGridEmailSender> _logger;

    /// <param name="httpClients">Makes the <see cref="HttpClientName"/> client, with its retries.</param>
    /// <param name="options">SendGrid settings; <see cref="SendGridOptions.ApiKey"/> is required.</param>
    /// <param name="logger">Log of accepted batches; it never receives addresses or the key.</param>
    public SendGridEmailSender(IHttpClientFactory httpClients, IOptions<SendGridOptions> options, ILogger<SendGridEmailSender> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _httpClients = httpClients ?? throw new ArgumentNullException(nameof(httpClients));
        _options = options.Value;
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        if (string.IsNullOrWhiteSpace(_options.ApiKey))
        {
            throw new ArgumentException("Mail:SendGrid:ApiKey is required to send through SendGrid.", nameof(options));
        }
    }

    /// <inheritdoc />
    public int MaxBatchSize => _options.BatchSize;

    /// <inheritdoc />
    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default) =>
        SendBatchAsync(EmailBatch.Of(message), cancellationToken);

    /// <summary>The package's client over the factory's <see cref="HttpClientName"/> client (with its retries).</summary>
    private SendGridClient Client() => new(
        _httpClients.CreateClient(HttpClientName),
        new SendGridClientOptions { ApiKey = _options.ApiKey, Host = _options.BaseUrl.TrimEnd('/') });

    /// <inheritdoc />
    /// <remarks>Asks SendGrid for the key's scopes (<c>GET /v3/scopes</c>): no email is sent.</remarks>
    public async Task<string?> CheckAsync(CancellationToken cancellationToken = default)
    {
        var client = Client();
        try
        {
            var response = await client.RequestAsync(BaseClient.Method.GET, urlPath: "scopes", cancellationToken: cancellationToken);
            return (int)response.StatusCode switch
            {
                >= 200 and < 300 => null,
                401 or 403 => $"SendGrid refused Mail:SendGrid:ApiKey ({(int)response.StatusCode}); emails cannot be sent",
                var other => $"SendGrid answered {other} to a check of Mail:SendGrid:ApiKey",
            };
        }
        catch (Exception failure) when (failure is HttpRequestException or TimeoutRejectedException
            || (failure is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return "SendGrid could not be reached";
        }
    }

    /// <inheritdoc />
    public async Task SendBatchAsync(EmailBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Recipients.Count > MaxBatchSize)
        {
            throw new ArgumentException($"A batch holds at most {MaxBatchSize} recipients; this one has {batch.Recipients.Count}.", nameof(batch));
        }

        var message = ToSendGridMessage(batch, _options);
        var client = Client();
        var recipients = batch.Recipients.Count;

        Response response;
        try
        {
            response = await client.SendEmailAsync(message, cancellationToken);
        }
        catch (Exception failure) when (failure is HttpRequestException or TimeoutRejectedException
            || (failure is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var problem = failure is HttpRequestException ? $"failed: {failure.Message}" : "timed out";
            throw new EmailDeliveryException(
                $"SendGrid could not be reached for {recipients} recipients after {_options.MaxAttempts} attempts; the last request {problem}",
                isPermanent: false, innerException: failure);
        }

        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            LogAccepted(recipients, status);
            return;
        }

        var errors = await ErrorsAsync(response.Body, cancellationToken);
        throw new EmailDeliveryException(
            response.StatusCode switch
            {
                HttpStatusCode.TooManyRequests =>
                    $"SendGrid's rate limit (429) did not reset within Mail:SendGrid:MaxRateLimitWait ({_options.MaxRateLimitWait}) or {_options.MaxRateLimitWaits} waits: {errors}",
                _ when status >= 500 => $"SendGrid answered {status} {_options.MaxAttempts} times for {recipients} recipients: {errors}",
                _ => $"SendGrid refused the email for {recipients} recipients ({status}): {errors}",
            },
            isPermanent: status < 500 && response.StatusCode != HttpStatusCode.TooManyRequests,
            statusCode: status);
    }

    /// <summary>
    /// The retries of SendGrid's HTTP client, outermost first: a 429 waits until <c>X-RateLimit-Reset</c> (bounded by
    /// <see cref="SendGridOptions.MaxRateLimitWait"/> and <see cref="SendGridOptions.MaxRateLimitWaits"/>, not counted as
    /// attempts); a 5xx, a failed connection or a timed-out attempt is retried with doubling delays up to
    /// <see cref="SendGridOptions.MaxAttempts"/>; each attempt is bounded by <see cref="SendGridOptions.RequestTimeout"/>.
    /// </summary>
    public static void AddRetries(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, SendGridOptions options, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);

        if (options.MaxRateLimitWaits > 0)
        {
            pipeline.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                Name = "RateLimit",
                MaxRetryAttempts = options.MaxRateLimitWaits,
                ShouldHandle = retry => ValueTask.FromResult(
                    retry.Outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests } limited
                    && RateLimitWait(limited, options, time) <= options.MaxRateLimitWait),
                DelayGenerator = retry => ValueTask.FromResult<TimeSpan?>(RateLimitWait(retry.Outcome.Result!, options, time)),
                OnRetry = retry =>
                {
                    LogRateLimited(logger, retry.RetryDelay.TotalSeconds);
                    return ValueTask.CompletedTask;
                },
            });
        }

        if (options.MaxAttempts > 1)
        {
            pipeline.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                Name = "ServerError",
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                Delay = options.RetryDelay,
                UseJitter = false,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(response => (int)response.StatusCode >= 500),
                OnRetry = retry =>
                {
                    LogRetry(logger, retry.AttemptNumber + 1, retry.Outcome.Result is { } response ? (int)response.StatusCode : 0, retry.RetryDelay.TotalSeconds);
                    return ValueTask.CompletedTask;
                },
            });
        }

        pipeline.AddTimeout(options.RequestTimeout);
    }

    /// <summary>
    /// The Mail Send request of <paramref name="batch"/>: one personalization per recipient with its own
    /// <c>List-Unsubscribe</c> header, substitutions (its unsubscribe token) and custom argument (its Message-ID), then
    /// the shared sender, subject, plain-text and HTML content, headers, categories and settings. Everything is
    /// checked first: addresses, single-line header values, 1 to 1,000 recipients.
    /// </summary>
    /// <exception cref="ArgumentException">The batch is empty, too large, or holds an invalid address or header.</exception>
    internal static SendGridMessage ToSendGridMessage(EmailBatch batch, SendGridOptions options)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(options);
        Validate(batch);

        var message = new SendGridMessage
        {
            From = Address(batch.From),
            Subject = batch.Subject,
            PlainTextContent = batch.TextBody,
            HtmlContent = batch.HtmlBody,
            Personalizations = [.. batch.Recipients.Select(recipient => new Personalization
            {
                Tos = [Address(recipient.To)],
                Headers = recipient.Headers.Count > 0 ? new Dictionary<string, string>(recipient.Headers) : null,
                Substitutions = recipient.Substitutions.Count > 0 ? new Dictionary<string, string>(recipient.Substitutions) : null,
                CustomArgs = new Dictionary<string, string> { [MessageIdArgument] = recipient.MessageId },
            })],
        };
        if (batch.Headers.TryGetValue("Reply-To", out var replyTo))
        {
            message.ReplyTo = new EmailAddress(replyTo);
        }

        var headers = batch.Headers.Where(header => !ReservedHeaders.Contains(header.Key)).ToDictionary();
        if (headers.Count > 0)
        {
            message.Headers = headers;
        }

        var categories = options.Categories.Append(batch.Category)
            .Where(c => !string.IsNullOrWhiteSpace(c))
            .Select(c => c!.Trim())
            .Distinct(StringComparer.Ordinal)
            .Take(10)
            .ToList();
        if (categories.Count > 0)
        {
            message.Categories = categories;
        }

        if (options.SandboxMode)
        {
            message.SetSandBoxMode(true);
        }

        message.SetClickTracking(options.TrackOpensAndClicks, options.TrackOpensAndClicks);
        message.SetOpenTracking(options.TrackOpensAndClicks);
        // Our own one-click link is in every email; SendGrid's would be a second, different one.
        message.SetSubscriptionTracking(false);
        return message;
    }

    private static void Validate(EmailBatch batch)
    {
        if (batch.Recipients.Count is 0 or > SendGridOptions.MaxPersonalizations)
        {
            throw new ArgumentException(
                $"A SendGrid request takes 1 to {SendGridOptions.MaxPersonalizations} recipients; this batch has {batch.Recipients.Count}.", nameof(batch));
        }

        ValidateMailbox(batch.From, "From");
        EmailHeaderRules.EnsureSingleLine(batch.Subject, "Subject");
        ValidateHeaders(batch.Headers);
        if (batch.Headers.TryGetValue("Reply-To", out var replyTo))
        {
            EmailAddressRules.EnsureValid(replyTo, "Reply-To");
        }

        foreach (var recipient in batch.Recipients)
        {
            ValidateMailbox(recipient.To, "To");
            ValidateHeaders(recipient.Headers);
            foreach (var (tag, value) in recipient.Substitutions)
            {
                EmailHeaderRules.EnsureSingleLine(value, $"Substitution {tag}");
            }
        }
    }

    private static void ValidateMailbox(MailAddress mailbox, string role)
    {
        ArgumentNullException.ThrowIfNull(mailbox, role);
        EmailAddressRules.EnsureValid(mailbox.Address, role);
        if (mailbox.DisplayName is not null)
        {
            EmailHeaderRules.EnsureSingleLine(mailbox.DisplayName, $"{role} display name");
        }
    }

    private static void ValidateHeaders(IReadOnlyDictionary<string, string> headers)
    {
        foreach (var (name, value) in headers)
        {
            EmailHeaderRules.EnsureExtraHeader(name, value);
        }
    }

    private static EmailAddress Address(MailAddress mailbox) =>
        string.IsNullOrEmpty(mailbox.DisplayName) ? new EmailAddress(mailbox.Address) : new EmailAddress(mailbox.Address, mailbox.DisplayName);

    /// <summary>
    /// Until a second after <c>X-RateLimit-Reset</c> (Unix seconds), or for <c>Retry-After</c>; when SendGrid gives
    /// neither, the first retry delay.
    /// </summary>
    private static TimeSpan RateLimitWait(HttpResponseMessage response, SendGridOptions options, TimeProvider time)
    {
        if (response.Headers.TryGetValues("X-RateLimit-Reset", out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var resetSeconds))
        {
            var wait = DateTimeOffset.FromUnixTimeSeconds(resetSeconds) - time.GetUtcNow();
            return (wait > TimeSpan.Zero ? wait : TimeSpan.Zero) + RateLimitMargin;
        }

        return response.Headers.RetryAfter?.Delta ?? options.RetryDelay;
    }

    /// <summary>SendGrid's <c>errors[].message</c> (with <c>field</c>), addresses removed; else the start of the body.</summary>
    private static async Task<string> ErrorsAsync(HttpContent? content, CancellationToken cancellationToken)
    {
        var body = content is null ? string.Empty : await content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
            {
                var messages = errors.EnumerateArray()
                    .Where(error => error.ValueKind == JsonValueKind.Object)
                    .Select(error => (Message: Text(error, "message"), Field: Text(error, "field")))
                    .Where(error => error.Message.Length > 0)
                    .Select(error => error.Field.Length > 0 ? $"{error.Message} (field {error.Field})" : error.Message)
                    .ToList();
                if (messages.Count > 0)
                {
                    return AddressRedaction.Redact(string.Join("; ", messages));
                }
            }
        }
        catch (JsonException)
        {
            // Not SendGrid's JSON (a proxy's page, say): fall through to the raw text.
        }

        return body.Length == 0 ? "no details given" : AddressRedaction.Redact(body.Length > 300 ? body[..300] : body);
    }

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? string.Empty : string.Empty;

    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "SendGrid accepted a batch of {RecipientCount} emails ({Status})")]
    private partial void LogAccepted(int recipientCount, int status);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Warning, Message = "SendGrid rate limit reached; waiting {Seconds:F1} s for it to reset")]
    private static partial void LogRateLimited(ILogger logger, double seconds);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Warning, Message = "SendGrid attempt {Attempt} failed (status {Status}); retrying in {Seconds:F1} s")]
    private static partial void LogRetry(ILogger logger, int attempt, int status, double seconds);
}
