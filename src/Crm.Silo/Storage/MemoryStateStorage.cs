namespace Crm.Silo.Storage;

/// <summary>
/// Grain state in process memory, for tests and throwaway runs. Two instances built on one <see cref="MemoryStore"/>
/// behave like two processes sharing a database.
/// </summary>
public sealed class MemoryStateStorage(MemoryStore store) : IStateStorage
{
    private IReadOnlyList<IStateRowWriter> _rowWriters = [];

    public MemoryStateStorage()
        : this(new MemoryStore())
    {
    }

    public MemoryStore Store { get; } = store;

    public int MaxConcurrentBatches => 1;

    public Task InitializeAsync(IReadOnlyList<IStateRowWriter> rowWriters, CancellationToken cancellationToken)
    {
        _rowWriters = rowWriters;
        return Task.CompletedTask;
    }

    public Task<StoredState?> ReadAsync(StateKey key, CancellationToken cancellationToken)
    {
        lock (Store)
        {
            return Task.FromResult(Store.States.GetValueOrDefault(key));
        }
    }

    public Task<IReadOnlyList<string>> ListKeysAsync(string stateType, string? after, int limit, CancellationToken cancellationToken)
    {
        lock (Store)
        {
            IReadOnlyList<string> keys = Store.States.Keys
                .Where(key => key.StateType == stateType && (after is null || string.CompareOrdinal(key.Key, after) > 0))
                .Select(key => key.Key)
                .Order(StringComparer.Ordinal)
                .Take(limit)
                .ToList();
            return Task.FromResult(keys);
        }
    }

    public Task<WriteOutcome[]> WriteBatchAsync(IReadOnlyList<StateWrite> writes, CancellationToken cancellationToken)
    {
        var outcomes = new WriteOutcome[writes.Count];
        var stored = new List<StateWrite>(writes.Count);
        lock (Store)
        {
            for (var i = 0; i < writes.Count; i++)
            {
                var write = writes[i];
                if (Store.States.GetValueOrDefault(write.Key)?.Version != write.ExpectedVersion)
                {
                    outcomes[i] = WriteOutcome.Stale();
                    continue;
                }

                outcomes[i] = WriteOutcome.Written(write.IsClear ? null : write.NewVersion);
                stored.Add(write);
            }

            // Rows go first: a row writer that throws fails the batch with no state changed, as a rolled-back
            // transaction would leave it (rows it applied before throwing stay, having no transaction to undo them).
            try
            {
                RowBatches.Apply(_rowWriters, stored, (writer, rows) => writer.Write(Store.Rows, rows));
            }
            catch (Exception exception)
            {
                return Task.FromException<WriteOutcome[]>(exception);
            }

            foreach (var write in stored)
            {
                if (write.IsClear)
                {
                    Store.States.Remove(write.Key);
                }
                else
                {
                    Store.States[write.Key] = new StoredState(write.NewVersion, write.Payload!);
                }
            }
        }

        return Task.FromResult(outcomes);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>The shared contents behind one or more <see cref="MemoryStateStorage"/> instances.</summary>
public sealed class MemoryStore
{
    internal Dictionary<StateKey, StoredState> States { get; } = [];

    public MemoryRowStore Rows { get; } = new();
}
