using Digest.Mail;

namespace Digest.Web;

/// <summary>
/// <c>GET /api/health</c>: 200 when the app is up (its settings were valid at start) and its email sender can send
/// (SendGrid takes the API key, the SMTP relay takes the sign-in); 503 naming the check that failed otherwise, so a
/// monitor sees a key that expired or was never resolved before a briefing fails to go out. The answer is public: it
/// names the check, never a host, port, setting or exception text; what is wrong goes to the log (event 5101). The
/// sender's answer is kept for <see cref="CheckInterval"/>, so probes cost the email service at most one request per interval.
/// </summary>
public sealed partial class HealthCheck(IEmailSender sender, TimeProvider time, ILogger<HealthCheck> logger)
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim checking = new(1, 1);
    private (DateTimeOffset At, string? Problem)? last;

    public async Task<IResult> InvokeAsync(CancellationToken cancellationToken)
    {
        var problem = await SenderProblemAsync(cancellationToken);
        return problem is null
            ? ResponseHeaders.Json(new { status = "ok", sender = "ok", time = time.GetUtcNow() }, StatusCodes.Status200OK)
            : ResponseHeaders.Json(
                new { status = "unhealthy", sender = "failing", detail = "The email sender cannot send; the reason is in the app's log (event 5101).", time = time.GetUtcNow() },
                StatusCodes.Status503ServiceUnavailable);
    }

    private async Task<string?> SenderProblemAsync(CancellationToken cancellationToken)
    {
        await checking.WaitAsync(cancellationToken);
        try
        {
            if (last is not { } known || time.GetUtcNow() - known.At >= CheckInterval)
            {
                last = known = (time.GetUtcNow(), await sender.CheckAsync(cancellationToken));
                if (known.Problem is { } problem)
                {
                    LogSenderFailing(problem);
                }
            }

            return known.Problem;
        }
        finally
        {
            checking.Release();
        }
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Health check: the email sender cannot send: {Problem}")]
    private partial void LogSenderFailing(string problem);
}
