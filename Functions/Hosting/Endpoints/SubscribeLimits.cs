using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Digest.Hosting.Endpoints;

/// <summary>
/// Keeps <c>POST /api/subscribe</c> from being used to send email to strangers: each client address (the first
/// <c>X-Forwarded-For</c> entry, which Azure's front end sets) may ask a few times per window, then gets 429 with
/// <c>Retry-After</c>. Limits are per instance; requests without a forwarded address (local runs) are not limited here.
/// </summary>
public static class SubscribeLimits
{
    public const string Policy = "subscribe";
    public const int RequestsPerWindow = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    public static void Configure(RateLimiterOptions options)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = (context, _) =>
        {
            context.HttpContext.Response.Headers.RetryAfter = ((int)Window.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return ValueTask.CompletedTask;
        };
        options.AddPolicy(Policy, context => ClientAddress(context) is { } client
            ? RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions { PermitLimit = RequestsPerWindow, Window = Window, QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter("unforwarded"));
    }

    private static string? ClientAddress(HttpContext context) =>
        context.Request.Headers["X-Forwarded-For"].FirstOrDefault()?.Split(',')[0].Trim() is { Length: > 0 } address ? address : null;
}
