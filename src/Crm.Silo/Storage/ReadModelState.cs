using Orleans;
using Orleans.Runtime;

namespace Crm.Silo.Storage;

/// <summary>One activation's <see cref="IReadModelState{TState}"/>: read while the activation sets up its state, before <c>OnActivateAsync</c>.</summary>
internal sealed class ReadModelState<TState> : IReadModelState<TState>
    where TState : new()
{
    private readonly GrainId _grainId;
    private readonly string _stateName;
    private readonly GroupCommitGrainStorage _storage;
    private readonly GrainState<TState> _state = new(new TState());

    public ReadModelState(IGrainContext context, string stateName, GroupCommitGrainStorage storage)
    {
        _grainId = context.GrainId;
        _stateName = stateName;
        _storage = storage;
        context.ObservableLifecycle.Subscribe($"{nameof(ReadModelState<TState>)}.{stateName}", GrainLifecycleStage.SetupState, _ => ReadStateAsync());
    }

    public TState State
    {
        get => _state.State!;
        set => _state.State = value;
    }

    public string? Etag => _state.ETag;

    public bool RecordExists => _state.RecordExists;

    public Task ReadStateAsync() => _storage.ReadStateAsync(_stateName, _grainId, _state);

    public Task WriteStateAsync() => _storage.WriteStateAsync(_stateName, _grainId, _state);

    public Task WriteStateAsync(IReadOnlyList<object> rows) => _storage.WriteStateAsync(_stateName, _grainId, _state, rows);

    public Task ClearStateAsync() => _storage.ClearStateAsync(_stateName, _grainId, _state);
}
