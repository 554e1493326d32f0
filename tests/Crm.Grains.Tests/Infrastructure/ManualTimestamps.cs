namespace Crm.Grains.Tests.Infrastructure;

/// <summary>Elapsed time the test moves by hand, for what measures ages with timestamps rather than dates.</summary>
public sealed class ManualTimestamps : TimeProvider
{
    private long _now;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref _now);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _now, by.Ticks);
}
