namespace Crm.Silo.Storage;

/// <summary>
/// Grain state in process memory, for tests and throwaway runs. Two instances built on one <see cref="MemoryStore"/>
/// behave like two processes sharing a database.
/// </summary>
public sealed class MemoryGrainStorage(MemoryStore store) : IGrainStorage
{
    private IReadOnlyList<IStateRowWriter> _rowWriters = [];

    public MemoryGrainStorage()
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

    public Task<WriteOutcome[]> WriteBatchAsync(IReadOnlyList<StateWrite> writes, CancellationToken cancellationToken)
    {
        var outcomes = new WriteOutcome[writes.Count];
        var stored = new List<StateWrite>(writes.Count);
        lock (Store)
        {
            for (var i = 0; i < writes.Count; i++)
            {
                var write = writes[i];
                var current = Store.States.GetValueOrDefault(write.Key);
                if (current?.Version != write.ExpectedVersion)
                {
                    outcomes[i] = WriteOutcome.Stale();
                    continue;
                }

                if (write.IsClear)
                {
                    Store.States.Remove(write.Key);
                    outcomes[i] = WriteOutcome.Written(null);
                }
                else
                {
                    Store.States[write.Key] = new StoredState(write.NewVersion, write.Payload!);
                    outcomes[i] = WriteOutcome.Written(write.NewVersion);
                }

                stored.Add(write);
            }

            RowBatches.Apply(_rowWriters, stored, (writer, rows) => writer.Write(Store.Rows, rows));
        }

        return Task.FromResult(outcomes);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>The shared contents behind one or more <see cref="MemoryGrainStorage"/> instances.</summary>
public sealed class MemoryStore
{
    internal Dictionary<StateKey, StoredState> States { get; } = [];

    public MemoryRowStore Rows { get; } = new();
}
