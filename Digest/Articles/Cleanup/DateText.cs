using System.Globalization;
using System.Text.RegularExpressions;

namespace Digest.Articles.Cleanup;

/// <summary>
/// Dates as news pages write them: <c>2025-08-06</c>, <c>2025-08-06T14:30:00Z</c>, <c>Aug. 6, 2025</c>,
/// <c>Wednesday, August 6, 2025 2:30 PM EDT</c>, <c>6 August 2025</c>. Dates without an offset are taken as UTC
/// midnight of that day, so the result never depends on the machine's time zone.
/// </summary>
internal static class DateText
{
    private const string Month =
        @"(?<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";

    private const string MonthAfterDay =
        @"(?<month2>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";

    private const string Weekday = @"(?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|urday|sday)?\.?,?\s+)?";

    private const string Time = @"(?:(?:,|\s+at|\s*[|·•-])?\s*\d{1,2}(?::\d{2}){1,2}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4}\b)?|(?:,|\s+at)?\s*\d{1,2}\s*[ap]\.?m\.?(?:\s+[A-Z]{2,4}\b)?)?";

    /// <summary>One date with an optional weekday before it and an optional time after it.</summary>
    public const string Pattern =
        Weekday +
        @"(?:(?<iso>\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)" +
        @"|" + Month + @"\s+(?<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<year>\d{4})" +
        @"|(?<day2>\d{1,2})(?:st|nd|rd|th)?\s+" + MonthAfterDay + @",?\s+(?<year2>\d{4}))" +
        Time;

    private static readonly Regex Standalone = new($"^{Pattern}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex Anywhere = new(Pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>Reads the date captured by a regex built on <see cref="Pattern"/>.</summary>
    public static bool TryRead(Match match, out DateTimeOffset date)
    {
        date = default;
        if (match.Groups["iso"].Success)
        {
            return DateTimeOffset.TryParse(match.Groups["iso"].Value, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out date);
        }

        var (month, day, year) = match.Groups["month"].Success
            ? (match.Groups["month"].Value, match.Groups["day"].Value, match.Groups["year"].Value)
            : (match.Groups["month2"].Value, match.Groups["day2"].Value, match.Groups["year2"].Value);
        if (month.Length == 0)
        {
            return false;
        }

        var monthNumber = MonthNumber(month);
        var dayNumber = int.Parse(day, CultureInfo.InvariantCulture);
        var yearNumber = int.Parse(year, CultureInfo.InvariantCulture);
        if (yearNumber < 1900 || dayNumber < 1 || dayNumber > DateTime.DaysInMonth(yearNumber, monthNumber))
        {
            return false;
        }

        date = new DateTimeOffset(yearNumber, monthNumber, dayNumber, 0, 0, 0, TimeSpan.Zero);
        return true;
    }

    /// <summary>Parses text that is a date and nothing else, e.g. a front-matter or JSON value.</summary>
    public static bool TryParse(string text, out DateTimeOffset date)
    {
        date = default;
        var match = Standalone.Match(text.Trim());
        return match.Success && TryRead(match, out date);
    }

    /// <summary>The first readable date anywhere in <paramref name="text"/>.</summary>
    public static DateTimeOffset? FindFirst(string text)
    {
        for (var match = Anywhere.Match(text); match.Success; match = match.NextMatch())
        {
            if (TryRead(match, out var date))
            {
                return date;
            }
        }

        return null;
    }

    private static int MonthNumber(string month) => month[..3].ToLowerInvariant() switch
    {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        _ => 12,
    };
}
