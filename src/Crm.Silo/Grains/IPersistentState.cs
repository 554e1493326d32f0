namespace Crm.Silo;

/// <summary>A grain's durable state, loaded before <see cref="Grain.OnActivateAsync"/>; the shape of Orleans' interface.</summary>
public interface IPersistentState<TState> where TState : new()
{
    TState State { get; set; }

    string? ETag { get; }

    bool RecordExists { get; }

    Task ReadStateAsync();

    /// <summary>Completes once the state is durable; throws <see cref="InconsistentStateException"/> when the ETag is stale.</summary>
    Task WriteStateAsync();

    /// <summary>Writes the state and, in the same transaction, rows a registered <see cref="Storage.IStateRowWriter"/> stores (a read model, say).</summary>
    Task WriteStateAsync(IReadOnlyList<object> alsoWrite);

    Task ClearStateAsync();
}
