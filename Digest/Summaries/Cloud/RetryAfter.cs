using System.Globalization;
using Azure.Core;

namespace Digest.Summaries.Cloud;

/// <summary>How long a response asks the client to wait: <c>retry-after-ms</c>, <c>x-ms-retry-after-ms</c> or <c>Retry-After</c>.</summary>
internal static class RetryAfter
{
    /// <summary>The wait asked for, or null when the response asks for none (or says it in a form we cannot read).</summary>
    public static TimeSpan? Read(ResponseHeaders headers, DateTimeOffset now)
    {
        foreach (var name in (string[])["retry-after-ms", "x-ms-retry-after-ms"])
        {
            if (headers.TryGetValue(name, out var ms)
                && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds) && milliseconds >= 0)
            {
                return TimeSpan.FromMilliseconds(milliseconds);
            }
        }

        if (!headers.TryGetValue("Retry-After", out var value))
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? (at > now ? at - now : TimeSpan.Zero)
            : null;
    }
}
