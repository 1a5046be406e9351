using Digest.Briefings;

namespace Digest.Tests.Briefings;

public class BriefingWindowTests
{
    private static readonly TimeOnly Six = new(6, 0);
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Fact]
    public void LatestClosed_TimerOnTheCutoff_ComposesThatDay()
    {
        var window = BriefingWindow.LatestClosed(new DateTimeOffset(2026, 11, 21, 6, 0, 0, TimeSpan.Zero), TimeZoneInfo.Utc, Six);

        Assert.Equal(new DateOnly(2026, 11, 21), window.Date);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 6, 0, 0, TimeSpan.Zero), window.Start);
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 6, 0, 0, TimeSpan.Zero), window.End);
    }

    [Fact]
    public void LatestClosed_PastDueRunHoursLater_ComposesTheSameDay()
    {
        var onTime = BriefingWindow.LatestClosed(new DateTimeOffset(2026, 11, 21, 6, 0, 1, TimeSpan.Zero), TimeZoneInfo.Utc, Six);
        var late = BriefingWindow.LatestClosed(new DateTimeOffset(2026, 11, 21, 23, 59, 0, TimeSpan.Zero), TimeZoneInfo.Utc, Six);

        Assert.Equal(onTime, late);
    }

    [Fact]
    public void LatestClosed_TimerBeforeTheCutoff_ComposesThePreviousDay()
    {
        var window = BriefingWindow.LatestClosed(new DateTimeOffset(2026, 11, 21, 5, 59, 59, TimeSpan.Zero), TimeZoneInfo.Utc, Six);

        Assert.Equal(new DateOnly(2026, 11, 20), window.Date);
    }

    [Fact]
    public void For_ConsecutiveDays_MeetWithoutGapOrOverlap()
    {
        var day = new DateOnly(2026, 3, 20);
        for (var i = 0; i < 30; i++, day = day.AddDays(1))
        {
            Assert.Equal(BriefingWindow.For(day, Berlin, Six).End, BriefingWindow.For(day.AddDays(1), Berlin, Six).Start);
        }
    }

    [Fact]
    public void For_DaylightSavingStart_WindowIs23Hours()
    {
        // Clocks in Berlin went from 02:00 to 03:00 on 29 March 2026.
        var window = BriefingWindow.For(new DateOnly(2026, 3, 29), Berlin, Six);

        Assert.Equal(TimeSpan.FromHours(23), window.End - window.Start);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 4, 0, 0, TimeSpan.Zero), window.End.ToUniversalTime());
    }

    [Fact]
    public void For_CutoffInsideTheDaylightSavingGap_MovesToTheFirstValidMinute()
    {
        var window = BriefingWindow.For(new DateOnly(2026, 3, 29), Berlin, new TimeOnly(2, 30));

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 3, 0, 0, TimeSpan.FromHours(2)), window.End);
    }

    [Theory]
    [InlineData(5, 59, false)]
    [InlineData(6, 0, true)]
    [InlineData(23, 0, true)]
    public void Contains_StartIsInEndIsOut(int hour, int minute, bool inside)
    {
        var window = BriefingWindow.For(new DateOnly(2026, 11, 21), TimeZoneInfo.Utc, Six);

        Assert.Equal(inside, window.Contains(new DateTimeOffset(2026, 11, 20, hour, minute, 0, TimeSpan.Zero)));
        Assert.False(window.Contains(window.End));
    }
}
