using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Digest.Web;

/// <summary>
/// Keeps <c>POST /api/subscribe</c> from being used to send email to strangers: each client address may ask
/// <see cref="RequestsPerWindow"/> times per <see cref="Window"/>, then gets 429 with <c>Retry-After</c>.
/// The client address is one the client cannot choose (<see cref="ClientAddresses"/>): forwarded addresses count only
/// from the proxies <c>Subscriptions:TrustedProxies</c> names. Limits are per instance.
/// </summary>
public sealed class SubscribeLimits(IOptions<Subscribers.SubscriptionOptions> options) : IDisposable
{
    private readonly ClientAddresses clients = new(options.Value.TrustedProxies);

    public const int RequestsPerWindow = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions { PermitLimit = RequestsPerWindow, Window = Window, QueueLimit = 0 }));

    /// <summary>Takes one request's permit; null when allowed, else the 429 answer to give.</summary>
    public IResult? TryAcquire(HttpRequest request)
    {
        using var lease = limiter.AttemptAcquire(clients.Of(request));
        if (lease.IsAcquired)
        {
            return null;
        }

        request.HttpContext.Response.Headers.RetryAfter = ((int)Window.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return HttpProblems.Problem(request, StatusCodes.Status429TooManyRequests, "Too many requests",
            $"Too many subscriptions were asked for from your connection. Please wait {Window.TotalMinutes:0} minutes before asking again.");
    }

    public void Dispose() => limiter.Dispose();
}
