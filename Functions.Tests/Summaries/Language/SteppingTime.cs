namespace Digest.Tests.Summaries.Language;

/// <summary>
/// A clock that jumps: every wait started through it ends at once, moving the clock forward by the wait and recording
/// it. Code that waits through its <see cref="TimeProvider"/> then runs in milliseconds, with its time measured as if
/// it had waited.
/// </summary>
internal sealed class SteppingTime(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<TimeSpan> _waits = [];
    private TimeSpan _elapsed;

    public IReadOnlyList<TimeSpan> Waits
    {
        get
        {
            lock (_lock)
            {
                return [.. _waits];
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return start + _elapsed;
        }
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp()
    {
        lock (_lock)
        {
            return _elapsed.Ticks;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            lock (_lock)
            {
                _waits.Add(dueTime);
                _elapsed += dueTime;
            }

            ThreadPool.QueueUserWorkItem(_ => callback(state));
        }

        return new SteppedTimer();
    }

    private sealed class SteppedTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => false;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
