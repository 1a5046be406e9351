namespace Digest.Summaries.Cloud;

/// <summary>
/// The time one article may spend with the service. Waits (between polls, after a 429) go through the
/// <see cref="TimeProvider"/>; a wait that would end past the deadline is not started.
/// </summary>
internal sealed class JobDeadline(TimeProvider time, TimeSpan budget)
{
    private readonly long _start = time.GetTimestamp();

    public TimeSpan Budget { get; } = budget;

    public TimeSpan Remaining
    {
        get
        {
            var left = Budget - time.GetElapsedTime(_start);
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    /// <summary>Waits <paramref name="delay"/>, or throws <paramref name="fault"/> at once when it would end past the deadline.</summary>
    public async Task WaitAsync(TimeSpan delay, LanguageServiceFault fault, string reason, CancellationToken cancellationToken)
    {
        EnsureFits(delay, fault, reason);
        await Task.Delay(delay, time, cancellationToken);
    }

    /// <summary>Throws <paramref name="fault"/> when a wait of <paramref name="delay"/> would end past the deadline.</summary>
    public void EnsureFits(TimeSpan delay, LanguageServiceFault fault, string reason)
    {
        var left = Remaining;
        if (delay >= left)
        {
            throw new LanguageServiceException(
                fault, $"{reason}, and waiting {Seconds(delay)} more would pass the {Seconds(Budget)} limit ({Seconds(left)} left)");
        }
    }

    public static string Seconds(TimeSpan span) => $"{span.TotalSeconds:0.#} s";
}
