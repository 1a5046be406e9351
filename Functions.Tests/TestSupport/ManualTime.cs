namespace Digest.Tests.TestSupport;

/// <summary>A clock the test sets: "now" is whatever the test last said.</summary>
internal sealed class ManualTime(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
