using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;

namespace Digest.Web;

/// <summary>
/// Keeps <c>POST /api/subscribe</c> from being used to send email to strangers: each client address may ask
/// <see cref="RequestsPerWindow"/> times per <see cref="Window"/>, then gets 429 with <c>Retry-After</c>.
/// The client address is one the client cannot choose: the rightmost <c>X-Forwarded-For</c> entry, which the platform's
/// front end appends (App Service and Flex Consumption do), else the connection's own address. Limits are per instance.
/// </summary>
public sealed class SubscribeLimits : IDisposable
{
    public const int RequestsPerWindow = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions { PermitLimit = RequestsPerWindow, Window = Window, QueueLimit = 0 }));

    /// <summary>Takes one request's permit; null when allowed, else the 429 answer to give.</summary>
    public IResult? TryAcquire(HttpRequest request)
    {
        using var lease = limiter.AttemptAcquire(ClientAddress(request));
        if (lease.IsAcquired)
        {
            return null;
        }

        request.HttpContext.Response.Headers.RetryAfter = ((int)Window.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return HttpProblems.Problem(request, StatusCodes.Status429TooManyRequests, "Too many requests",
            $"Too many subscriptions were asked for from your connection. Please wait {Window.TotalMinutes:0} minutes before asking again.");
    }

    /// <summary>The rightmost forwarded address (appended by the platform in front of the app), else the connection's.</summary>
    public static string ClientAddress(HttpRequest request)
    {
        var forwarded = request.Headers["X-Forwarded-For"].ToString();
        var last = forwarded.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        return last ?? request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }

    public void Dispose() => limiter.Dispose();
}
