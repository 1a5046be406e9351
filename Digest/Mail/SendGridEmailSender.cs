using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Digest.Mail;

/// <summary>
/// Sends email through SendGrid's v3 Mail Send API: one <c>POST /v3/mail/send</c> per batch of up to 1,000
/// recipients. A 429 waits until <c>X-RateLimit-Reset</c> (bounded); a 5xx or a failed connection is retried with
/// doubling delays up to <see cref="SendGridOptions.MaxAttempts"/>; any other 4xx fails at once. Failures throw an
/// <see cref="EmailDeliveryException"/> with SendGrid's own error messages. The API key is sent only in the
/// Authorization header and never logged.
/// </summary>
public sealed partial class SendGridEmailSender : IEmailSender
{
    private const string SendPath = "v3/mail/send";

    /// <summary>Added to a rate-limit wait: the reset is given in whole seconds and clocks differ a little.</summary>
    private static readonly TimeSpan RateLimitMargin = TimeSpan.FromSeconds(1);

    private readonly HttpClient _http;
    private readonly SendGridOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<SendGridEmailSender> _logger;
    private readonly Uri _endpoint;

    /// <param name="http">The client requests go through (its base address is not used: the endpoint comes from the options).</param>
    /// <param name="options">SendGrid settings; <see cref="SendGridOptions.ApiKey"/> is required.</param>
    /// <param name="time">Clock for rate-limit resets and retry delays.</param>
    /// <param name="logger">Log for retries; it never receives addresses or the key.</param>
    public SendGridEmailSender(HttpClient http, IOptions<SendGridOptions> options, TimeProvider time, ILogger<SendGridEmailSender> logger)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options.Value;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        if (string.IsNullOrWhiteSpace(_options.ApiKey))
        {
            throw new ArgumentException("Mail:SendGrid:ApiKey is required to send through SendGrid.", nameof(options));
        }

        _endpoint = new Uri(new Uri(_options.BaseUrl.TrimEnd('/') + "/", UriKind.Absolute), SendPath);
    }

    /// <inheritdoc />
    public int MaxBatchSize => _options.BatchSize;

    /// <inheritdoc />
    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default) =>
        SendBatchAsync(EmailBatch.Of(message), cancellationToken);

    /// <inheritdoc />
    public async Task SendBatchAsync(EmailBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Recipients.Count > MaxBatchSize)
        {
            throw new ArgumentException($"A batch holds at most {MaxBatchSize} recipients; this one has {batch.Recipients.Count}.", nameof(batch));
        }

        using var payload = new MemoryStream();
        SendGridPayload.Write(batch, _options, payload);
        await PostAsync(payload.GetBuffer().AsMemory(0, (int)payload.Length), batch.Recipients.Count, cancellationToken);
    }

    private async Task PostAsync(ReadOnlyMemory<byte> payload, int recipients, CancellationToken cancellationToken)
    {
        var attempt = 1;
        var rateLimitWaits = 0;
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = new ReadOnlyMemoryContent(payload) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.ApiKey);

            HttpResponseMessage response;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(_options.RequestTimeout);
                response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
            }
            catch (Exception failure) when (failure is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                var problem = failure is OperationCanceledException ? "timed out" : $"failed: {failure.Message}";
                if (attempt >= _options.MaxAttempts)
                {
                    throw new EmailDeliveryException(
                        $"SendGrid could not be reached for {recipients} recipients after {attempt} attempts; the last request {problem}",
                        isPermanent: false, innerException: failure);
                }

                LogRetry(attempt, 0, problem);
                await Task.Delay(Backoff(attempt++), _time, cancellationToken);
                continue;
            }

            using (response)
            {
                if (response.IsSuccessStatusCode)
                {
                    LogAccepted(recipients, (int)response.StatusCode);
                    return;
                }

                var status = (int)response.StatusCode;
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    var wait = RateLimitWait(response);
                    if (rateLimitWaits >= _options.MaxRateLimitWaits || wait > _options.MaxRateLimitWait)
                    {
                        throw new EmailDeliveryException(
                            $"SendGrid's rate limit (429) did not reset in time (next reset in {wait.TotalSeconds:F0} s after {rateLimitWaits} waits): {await ErrorsAsync(response, cancellationToken)}",
                            isPermanent: false, statusCode: status);
                    }

                    rateLimitWaits++;
                    LogRateLimited(wait.TotalSeconds);
                    await Task.Delay(wait, _time, cancellationToken);
                    continue;
                }

                var errors = await ErrorsAsync(response, cancellationToken);
                if (status >= 500 && attempt < _options.MaxAttempts)
                {
                    LogRetry(attempt, status, errors);
                    await Task.Delay(Backoff(attempt++), _time, cancellationToken);
                    continue;
                }

                throw new EmailDeliveryException(
                    status >= 500
                        ? $"SendGrid answered {status} {response.ReasonPhrase} {attempt} times for {recipients} recipients: {errors}"
                        : $"SendGrid refused the email for {recipients} recipients ({status} {response.ReasonPhrase}): {errors}",
                    isPermanent: status < 500,
                    statusCode: status);
            }
        }
    }

    private TimeSpan Backoff(int attempt) => _options.RetryDelay * Math.Pow(2, attempt - 1);

    /// <summary>
    /// Until a second after <c>X-RateLimit-Reset</c> (Unix seconds), or for <c>Retry-After</c>; when SendGrid gives
    /// neither, the first retry delay.
    /// </summary>
    private TimeSpan RateLimitWait(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("X-RateLimit-Reset", out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var resetSeconds))
        {
            var wait = DateTimeOffset.FromUnixTimeSeconds(resetSeconds) - _time.GetUtcNow();
            return (wait > TimeSpan.Zero ? wait : TimeSpan.Zero) + RateLimitMargin;
        }

        return response.Headers.RetryAfter?.Delta ?? _options.RetryDelay;
    }

    /// <summary>SendGrid's <c>errors[].message</c> (with <c>field</c>), addresses removed; else the start of the body.</summary>
    private static async Task<string> ErrorsAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "SendGrid accepted a batch of {RecipientCount} emails ({Status})")]
    private partial void LogAccepted(int recipientCount, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SendGrid rate limit reached; waiting {Seconds:F1} s for it to reset")]
    private partial void LogRateLimited(double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SendGrid attempt {Attempt} failed (status {Status}): {Problem}; retrying")]
    private partial void LogRetry(int attempt, int status, string problem);
}
