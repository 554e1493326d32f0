using Orleans.Runtime;

namespace Crm.Silo.Storage;

/// <summary>
/// A grain's persistent state whose writes may carry rows stored in the same transaction: the read model derived
/// from the state never disagrees with it after a commit. Injected with <see cref="ReadModelStateAttribute"/>.
/// </summary>
public interface IReadModelState<TState> : IPersistentState<TState>
{
    /// <summary>Completes once the state and <paramref name="rows"/> are durable; throws <see cref="Orleans.Storage.InconsistentStateException"/> when the ETag is stale.</summary>
    Task WriteStateAsync(IReadOnlyList<object> rows);
}
