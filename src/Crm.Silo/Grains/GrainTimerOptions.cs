namespace Crm.Silo;

public sealed record GrainTimerOptions
{
    public TimeSpan DueTime { get; init; }

    /// <summary><see cref="Timeout.InfiniteTimeSpan"/> for a one-shot timer.</summary>
    public TimeSpan Period { get; init; } = Timeout.InfiniteTimeSpan;

    /// <summary>Whether a tick counts as activity for idle collection.</summary>
    public bool KeepAlive { get; init; }

    /// <summary>Whether a tick may interleave with requests at their await points.</summary>
    public bool Interleave { get; init; }
}
