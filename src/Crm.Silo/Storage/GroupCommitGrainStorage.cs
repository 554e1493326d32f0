using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Crm.Silo.Diagnostics;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace Crm.Silo.Storage;

/// <summary>
/// Orleans' grain storage over group commit: every activation's write joins the next shared transaction and completes
/// once that transaction is durable; a stale ETag fails only its own writer. States are stored as JSON through
/// source-generated contracts, keyed <c>grainType.stateName</c> and the grain key, so a store written by an earlier
/// release reads unchanged. <see cref="WriteStateAsync{T}(string, GrainId, IGrainState{T}, IReadOnlyList{object})"/>
/// also stores rows (a read model, say) in the state's transaction; <see cref="ReadModelState{T}"/> is how grains reach it.
/// </summary>
public sealed class GroupCommitGrainStorage : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    private readonly IStateStorage _storage;
    private readonly StateModel _model;
    private readonly GroupCommitter _committer;
    private readonly JsonSerializerOptions _json;
    private readonly HashSet<Type> _rowTypes;

    public GroupCommitGrainStorage(IStateStorage storage, StateModel model, GroupCommitOptions options, StorageMetrics metrics)
    {
        _storage = storage;
        _model = model;
        _json = model.BuildJsonOptions();
        _rowTypes = model.RowWriters.Select(writer => writer.RowType).ToHashSet();
        _committer = new GroupCommitter(storage, options, metrics);
    }

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(GroupCommitGrainStorage), ServiceLifecycleStage.RuntimeStorageServices, StartAsync, StopAsync);

    private Task StartAsync(CancellationToken cancellationToken) => _storage.InitializeAsync(_model.RowWriters, cancellationToken);

    /// <summary>Runs after every activation has deactivated: stores what is still queued before the silo goes.</summary>
    private async Task StopAsync(CancellationToken cancellationToken) => await _committer.DisposeAsync();

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var stored = await _storage.ReadAsync(KeyOf(stateName, grainId), CancellationToken.None);
        if (stored is null)
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        grainState.State = JsonSerializer.Deserialize(stored.Payload, Contract<T>()) ?? grainState.State;
        grainState.ETag = stored.Version.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        WriteStateAsync(stateName, grainId, grainState, []);

    /// <summary>Stores the state and, in the same transaction, rows that a registered <see cref="IStateRowWriter"/> writes.</summary>
    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, IReadOnlyList<object> rows)
    {
        foreach (var row in rows)
        {
            if (!_rowTypes.Contains(row.GetType()))
            {
                throw new ArgumentException($"No IStateRowWriter is registered for rows of type {row.GetType().Name}.", nameof(rows));
            }
        }

        var key = KeyOf(stateName, grainId);
        var payload = JsonSerializer.Serialize(grainState.State!, Contract<T>());
        var outcome = await _committer.WriteAsync(new StateWrite(key, VersionOf(grainState), payload, rows));
        ThrowIfStale(key, grainState, outcome);
        grainState.ETag = outcome.Version?.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = KeyOf(stateName, grainId);
        var outcome = await _committer.WriteAsync(new StateWrite(key, VersionOf(grainState), null, []));
        ThrowIfStale(key, grainState, outcome);
        grainState.State = Activator.CreateInstance<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    /// <summary>
    /// The row the state is stored in: the same key the runtime before Orleans used, so older stores open as they are.
    /// It holds because every grain class names its type with <c>[GrainType]</c>: renaming one orphans its stored state.
    /// </summary>
    public static StateKey KeyOf(string stateName, GrainId grainId) => new($"{grainId.Type}.{stateName}", grainId.Key.ToString()!);

    private static long? VersionOf<T>(IGrainState<T> grainState) =>
        grainState.ETag is { } etag ? long.Parse(etag, CultureInfo.InvariantCulture) : null;

    private static void ThrowIfStale<T>(StateKey key, IGrainState<T> grainState, WriteOutcome outcome)
    {
        if (outcome.Conflict)
        {
            throw new InconsistentStateException(
                $"State {key} was changed by another writer since version {grainState.ETag ?? "none"} was read; the activation will reload it.",
                storedEtag: null,
                currentEtag: grainState.ETag);
        }
    }

    private JsonTypeInfo<T> Contract<T>()
    {
        try
        {
            return (JsonTypeInfo<T>)_json.GetTypeInfo(typeof(T));
        }
        catch (NotSupportedException exception)
        {
            throw new InvalidOperationException(
                $"State type {typeof(T).Name} has no JSON contract: list it in a JsonSerializerContext ([JsonSerializable(typeof({typeof(T).Name}))]) and register that context with the silo.",
                exception);
        }
    }
}
