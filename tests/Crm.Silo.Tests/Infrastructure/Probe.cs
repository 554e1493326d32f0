using System.Collections.Concurrent;

namespace Crm.Silo.Tests.Infrastructure;

/// <summary>What test grains report to the test, one per silo: activations per key, and writes handed to storage.</summary>
public sealed class Probe
{
    private int _queuedWrites;

    public ConcurrentDictionary<string, int> Activations { get; } = new();

    /// <summary>
    /// Writes handed to the group-commit queue. The storage queues a write before its task returns, so once this counts
    /// a write the test knows which batch a held commit will release it in.
    /// </summary>
    public int QueuedWrites => Volatile.Read(ref _queuedWrites);

    public void Activated(string key) => Activations.AddOrUpdate(key, 1, (_, count) => count + 1);

    public void WriteQueued() => Interlocked.Increment(ref _queuedWrites);
}
