using Crm.Grains.Tests.Infrastructure;
using Crm.Silo.Storage;

namespace Crm.Grains.Tests.Upgrade;

/// <summary>
/// A store that records every key listing (the cursor it started after) and every read of one state type, and can hold
/// one listing until released, so a test can act while a pass is surely in the middle of a page.
/// </summary>
public sealed class ListingGate(IStateStorage inner, string watchedStateType) : IStateStorage, IWrappedStorage
{
    public IStateStorage Inner => inner;

    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _listings;
    private int _reads;

    /// <summary>The listing (counted from 0) to hold; -1 holds none.</summary>
    public int Hold { get; set; } = -1;

    public List<string?> ListedAfter { get; } = [];

    /// <summary>Reads of <c>watchedStateType</c>: one per activation of the grain that owns it.</summary>
    public int WatchedReads => Volatile.Read(ref _reads);

    public Task Entered => _entered.Task;

    public void Release() => _released.TrySetResult();

    public int MaxConcurrentBatches => inner.MaxConcurrentBatches;

    public Task InitializeAsync(IReadOnlyList<IStateRowWriter> rowWriters, CancellationToken cancellationToken) => inner.InitializeAsync(rowWriters, cancellationToken);

    public Task<StoredState?> ReadAsync(StateKey key, CancellationToken cancellationToken)
    {
        if (key.StateType == watchedStateType)
        {
            Interlocked.Increment(ref _reads);
        }

        return inner.ReadAsync(key, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> ListKeysAsync(string stateType, string? after, int limit, CancellationToken cancellationToken)
    {
        int index;
        lock (ListedAfter)
        {
            index = _listings++;
            ListedAfter.Add(after);
        }

        if (index == Hold)
        {
            _entered.TrySetResult();
            await _released.Task;
        }

        return await inner.ListKeysAsync(stateType, after, limit, cancellationToken);
    }

    public Task<WriteOutcome[]> WriteBatchAsync(IReadOnlyList<StateWrite> writes, CancellationToken cancellationToken) => inner.WriteBatchAsync(writes, cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
