using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Crm.Silo.Runtime;

namespace Crm.Silo.Storage;

/// <summary>One named state of one activation, versioned by the store: its version is the ETag.</summary>
internal sealed class PersistentState<TState>(StateStore store, StateKey key) : IPersistentState<TState>, IActivationState
    where TState : new()
{
    private readonly JsonTypeInfo<TState> _contract = store.TypeInfo<TState>();
    private long? _version;

    public TState State { get; set; } = new();

    public string? ETag => _version?.ToString(CultureInfo.InvariantCulture);

    public bool RecordExists => _version is not null;

    public async Task ReadStateAsync()
    {
        var stored = await store.ReadAsync(key);
        _version = stored?.Version;
        State = stored is null ? new TState() : JsonSerializer.Deserialize(stored.Payload, _contract) ?? new TState();
    }

    public Task WriteStateAsync() => WriteStateAsync([]);

    public async Task WriteStateAsync(IReadOnlyList<object> alsoWrite)
    {
        var payload = JsonSerializer.Serialize(State, _contract);
        var outcome = await store.WriteAsync(new StateWrite(key, _version, payload, alsoWrite));
        ThrowIfStale(outcome);
        _version = outcome.Version;
    }

    public async Task ClearStateAsync()
    {
        var outcome = await store.WriteAsync(new StateWrite(key, _version, null, []));
        ThrowIfStale(outcome);
        _version = null;
        State = new TState();
    }

    private void ThrowIfStale(WriteOutcome outcome)
    {
        if (outcome.Conflict)
        {
            throw new InconsistentStateException(
                $"State {key} was changed by another writer since version {ETag ?? "none"} was read; the activation will reload it.",
                storedETag: null,
                currentETag: ETag);
        }
    }
}
