using System.Globalization;

namespace Digest;

/// <summary>Dates as Digest writes them everywhere people read them: ISO 8601, <c>2026-11-21</c>.</summary>
public static class IsoDates
{
    public static string ToIso(this DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The date in <c>2026-11-21</c> form, or null.</summary>
    public static DateOnly? TryParse(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>The date of a stored briefing's JSON (<c>2026-11-21.json</c>), or null for any other name.</summary>
    public static DateOnly? TryParseBriefingName(string name) =>
        name.Length == "yyyy-MM-dd.json".Length && name.EndsWith(".json", StringComparison.Ordinal) ? TryParse(name[..^5]) : null;
}
