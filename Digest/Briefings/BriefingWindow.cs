namespace Digest.Briefings;

/// <summary>
/// The stretch of time whose summaries make up one day's briefing: from the cutoff on the day before up to the
/// cutoff on the briefing's date, in the briefing's time zone. Windows follow each other without gap or overlap,
/// so every article lands in exactly one daily briefing, whatever time the timer actually fires.
/// </summary>
public sealed record BriefingWindow(DateOnly Date, DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>The window of the briefing dated <paramref name="date"/>.</summary>
    public static BriefingWindow For(DateOnly date, TimeZoneInfo zone, TimeOnly cutoff) =>
        new(date, CutoffOn(date.AddDays(-1), zone, cutoff), CutoffOn(date, zone, cutoff));

    /// <summary>
    /// The newest window that has closed by <paramref name="now"/>: a timer that fires at or after the cutoff, on time
    /// or late, composes that day's briefing; one that fires early composes the previous (already composed) one.
    /// </summary>
    public static BriefingWindow LatestClosed(DateTimeOffset now, TimeZoneInfo zone, TimeOnly cutoff)
    {
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var window = For(date, zone, cutoff);
        return window.End <= now ? window : For(date.AddDays(-1), zone, cutoff);
    }

    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;

    /// <summary>The cutoff on <paramref name="date"/>; in a daylight-saving gap it moves to the first valid minute after.</summary>
    private static DateTimeOffset CutoffOn(DateOnly date, TimeZoneInfo zone, TimeOnly cutoff)
    {
        var local = date.ToDateTime(cutoff, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
