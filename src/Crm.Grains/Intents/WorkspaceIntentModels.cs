using System.Collections.Concurrent;
using Crm.Grains.Nodes;
using Orleans;

namespace Crm.Grains.Intents;

/// <summary>
/// This node's text model per workspace. The version comes from the workspace's <see cref="IIntentModelGrain"/> (a node
/// cache, evicted when a new version is broadcast, when the node rejoins, or at <see cref="NodeOptions.CacheMaxAge"/>);
/// version 0 is the shipped model, any other is loaded once from where the grain stored it and kept until the next.
/// </summary>
public sealed class WorkspaceIntentModels(IGrainFactory grains, IIntentTextModel shipped, IWorkspaceIntentData data, NodeOptions options, TimeProvider time) : INodeListener
{
    private readonly NodeCache<int> _versions = new(workspace => grains.GetGrain<IIntentModelGrain>(workspace).CurrentVersion(), options.CacheMaxAge, time);
    private readonly ConcurrentDictionary<string, Loaded> _loaded = new(StringComparer.Ordinal);

    public IIntentTextModel Shipped => shipped;

    public async Task<IIntentTextModel> GetAsync(string workspace)
    {
        try
        {
            return await GetVersionAsync(workspace);
        }
        catch (IntentModelVersionGoneException)
        {
            // The cached version was replaced (and dropped) since it was read: ask for the current one once more.
            _versions.Evict(workspace);
            return await GetVersionAsync(workspace);
        }
    }

    private async Task<IIntentTextModel> GetVersionAsync(string workspace)
    {
        var version = await _versions.GetAsync(workspace);
        if (version == 0)
        {
            return shipped;
        }

        var loaded = _loaded.AddOrUpdate(
            workspace,
            _ => new Loaded(version, LoadAsync(workspace, version)),
            (_, current) => current.Version == version && !current.Model.IsFaulted ? current : new Loaded(version, LoadAsync(workspace, version)));
        return await loaded.Model;
    }

    void INodeListener.IntentModelChanged(string workspace) => _versions.Evict(workspace);

    void INodeListener.Registered() => _versions.Clear();

    private async Task<IIntentTextModel> LoadAsync(string workspace, int version)
    {
        var payload = await data.LoadModelAsync(workspace, version, CancellationToken.None)
            ?? throw new IntentModelVersionGoneException($"workspace {workspace}'s intent model version {version} is not stored");
        using var stream = new MemoryStream(payload);
        var fileVersion = IntentModelGrain.FileVersion(version);
        return IntentTextModel.Serve(LinearTextModelFile.Read(stream, fileVersion), $"{workspace}-{fileVersion}");
    }

    private sealed record Loaded(int Version, Task<IIntentTextModel> Model);

    private sealed class IntentModelVersionGoneException(string message) : Exception(message);
}
