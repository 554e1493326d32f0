namespace Crm.Silo.Storage;

/// <summary>How writes from many activations are grouped into shared transactions.</summary>
public sealed class GroupCommitOptions
{
    /// <summary>Most writes in one transaction.</summary>
    public int MaxBatchSize { get; set; } = 1024;

    /// <summary>
    /// How long a batch waits for more writes after the first. Zero (the default) takes what is queued and goes:
    /// writes that arrive while a batch is in flight form the next one, so grouping grows with load and costs no latency when idle.
    /// </summary>
    public TimeSpan MaxBatchDelay { get; set; } = TimeSpan.Zero;
}
