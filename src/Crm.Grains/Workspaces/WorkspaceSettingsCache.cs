using Crm.Grains.Nodes;
using Orleans;

namespace Crm.Grains.Workspaces;

/// <summary>
/// This node's copy of each workspace's settings, which nearly every event needs: read from the
/// <see cref="IWorkspaceGrain"/> once, then again only after <see cref="IWorkspaceGrain.UpdateSettings"/> broadcasts a
/// change, the node rejoins the directory, or the copy reaches <see cref="NodeOptions.CacheMaxAge"/>.
/// </summary>
public sealed class WorkspaceSettingsCache(IGrainFactory grains, NodeOptions options, TimeProvider time) : INodeListener
{
    private readonly NodeCache<WorkspaceSettings> _settings = new(workspace => grains.GetGrain<IWorkspaceGrain>(workspace).GetSettings(), options.CacheMaxAge, time);

    public Task<WorkspaceSettings> GetAsync(string workspace) => _settings.GetAsync(workspace);

    void INodeListener.WorkspaceSettingsChanged(string workspace) => _settings.Evict(workspace);

    void INodeListener.Registered() => _settings.Clear();
}
