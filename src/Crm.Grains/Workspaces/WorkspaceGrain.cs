using Crm.Grains.Nodes;
using Crm.Grains.Validation;
using Orleans;
using Orleans.Runtime;

namespace Crm.Grains.Workspaces;

[GrainType("workspace")]
// Read by almost every request of its workspace and one per workspace: kept in memory through quiet hours.
[CollectionAgeLimit(Hours = 24)]
public sealed class WorkspaceGrain([PersistentState("workspace")] IPersistentState<WorkspaceState> workspace, NodeBroadcaster nodes) : Grain, IWorkspaceGrain
{
    public Task<WorkspaceSettings> GetSettings() => Task.FromResult(workspace.State.Settings);

    public async Task<WorkspaceSettings> UpdateSettings(WorkspaceSettings settings)
    {
        if (settings.Validate() is { } broken)
        {
            throw new DomainValidationException(new ValidationError(char.ToLowerInvariant(broken.Field[0]) + broken.Field[1..], broken.Rule));
        }

        workspace.State.Settings = settings.Canonical();
        await workspace.WriteStateAsync();

        // Every node drops its copy before the change is acknowledged, so no event accepted afterwards uses the old settings.
        await nodes.WorkspaceSettingsChangedAsync(this.GetPrimaryKeyString());
        return workspace.State.Settings;
    }
}
