using Crm.Silo.Storage;

namespace Crm.Grains.Tests.Infrastructure;

/// <summary>Memory storage that fails once: the first batch writing a state of <paramref name="writeType"/>, or the first read of <paramref name="readType"/>.</summary>
public sealed class FailingOnceStorage(MemoryStateStorage inner, string? writeType = null, string? readType = null) : IStateStorage, IWrappedStorage
{
    private int _writeFailed;
    private int _readFailed;

    public IStateStorage Inner => inner;

    public int MaxConcurrentBatches => inner.MaxConcurrentBatches;

    public Task InitializeAsync(IReadOnlyList<IStateRowWriter> rowWriters, CancellationToken cancellationToken) => inner.InitializeAsync(rowWriters, cancellationToken);

    public Task<StoredState?> ReadAsync(StateKey key, CancellationToken cancellationToken) =>
        readType is not null && key.StateType.StartsWith(readType, StringComparison.Ordinal) && Interlocked.Exchange(ref _readFailed, 1) == 0
            ? throw new IOException("transient read failure")
            : inner.ReadAsync(key, cancellationToken);

    public Task<IReadOnlyList<string>> ListKeysAsync(string stateType, string? after, int limit, CancellationToken cancellationToken) =>
        inner.ListKeysAsync(stateType, after, limit, cancellationToken);

    public Task<WriteOutcome[]> WriteBatchAsync(IReadOnlyList<StateWrite> writes, CancellationToken cancellationToken) =>
        writeType is not null && writes.Any(write => write.Key.StateType.StartsWith(writeType, StringComparison.Ordinal)) && Interlocked.Exchange(ref _writeFailed, 1) == 0
            ? Task.FromException<WriteOutcome[]>(new IOException("transient write failure"))
            : inner.WriteBatchAsync(writes, cancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
