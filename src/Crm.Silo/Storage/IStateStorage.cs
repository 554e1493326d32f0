namespace Crm.Silo.Storage;

/// <summary>
/// A grain state store. <see cref="WriteBatchAsync"/> stores many grains' writes in one transaction: every write
/// whose expected version matches is stored together with its rows, and a stale one fails alone.
/// </summary>
public interface IStateStorage : IAsyncDisposable
{
    /// <summary>How many batches may be in flight at once: 1 for a single-writer store.</summary>
    int MaxConcurrentBatches { get; }

    /// <summary>Creates or upgrades the schema, idempotently; safe when several processes start at once.</summary>
    Task InitializeAsync(IReadOnlyList<IStateRowWriter> rowWriters, CancellationToken cancellationToken);

    Task<StoredState?> ReadAsync(StateKey key, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="limit"/> grain keys stored under <paramref name="stateType"/> (<c>grainType.stateName</c>) that
    /// sort after <paramref name="after"/> (from the first when null), in the store's own key order, so a pass over every
    /// grain of a type can page through them and resume from the last key it finished.
    /// </summary>
    Task<IReadOnlyList<string>> ListKeysAsync(string stateType, string? after, int limit, CancellationToken cancellationToken);

    /// <summary>Writes with distinct keys, in one transaction; outcomes in the same order. Returns only once durable.</summary>
    Task<WriteOutcome[]> WriteBatchAsync(IReadOnlyList<StateWrite> writes, CancellationToken cancellationToken);
}
