using System.Globalization;

namespace Digest;

/// <summary>Dates as Digest writes them everywhere people read them: ISO 8601, <c>2026-11-21</c>.</summary>
public static class IsoDates
{
    public static string ToIso(this DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
