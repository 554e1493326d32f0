using System.Collections.Concurrent;
using Crm.Silo.Storage;

namespace Crm.Silo.Tests.Storage;

/// <summary>
/// A real provider seen through a window: records every batch group commit sends, in order, and lets a test hold
/// or fail a batch (by its index) before the provider gets it.
/// </summary>
public sealed class RecordingStorage(IStateStorage inner, int maxConcurrentBatches = 1) : IStateStorage
{
    private readonly ConcurrentQueue<StateWrite[]> _batches = new();
    private int _count;

    public IStateStorage Inner => inner;

    public int MaxConcurrentBatches => maxConcurrentBatches;

    public IReadOnlyList<StateWrite[]> Batches => [.. _batches];

    /// <summary>Runs before batch number <c>index</c> (from 0) reaches the provider: a task to hold it, or a throw to fail it.</summary>
    public Func<int, Task>? BeforeBatch { get; set; }

    public Task InitializeAsync(IReadOnlyList<IStateRowWriter> rowWriters, CancellationToken cancellationToken) =>
        inner.InitializeAsync(rowWriters, cancellationToken);

    public Task<StoredState?> ReadAsync(StateKey key, CancellationToken cancellationToken) => inner.ReadAsync(key, cancellationToken);

    public Task<IReadOnlyList<string>> ListKeysAsync(string stateType, string? after, int limit, CancellationToken cancellationToken) =>
        inner.ListKeysAsync(stateType, after, limit, cancellationToken);

    public async Task<WriteOutcome[]> WriteBatchAsync(IReadOnlyList<StateWrite> writes, CancellationToken cancellationToken)
    {
        var index = Interlocked.Increment(ref _count) - 1;
        _batches.Enqueue([.. writes]);
        if (BeforeBatch is { } hook)
        {
            await hook(index);
        }

        return await inner.WriteBatchAsync(writes, cancellationToken);
    }

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
