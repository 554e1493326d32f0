namespace Crm.Grains.Tests.Infrastructure;

/// <summary>A clock the test moves by hand, so rules about days of silence run in milliseconds.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
