using Orleans;
using Orleans.Concurrency;

namespace Crm.Grains.Workspaces;

/// <summary>
/// A workspace (tenant), keyed by its id: its settings. Needed by every customer change, so each node keeps a copy
/// (<see cref="WorkspaceSettingsCache"/>) and reads interleave.
/// </summary>
public interface IWorkspaceGrain : IGrainWithStringKey
{
    [ReadOnly]
    Task<WorkspaceSettings> GetSettings();

    /// <summary>
    /// Replaces the settings and returns once every live node has dropped its copy; throws
    /// <see cref="Validation.DomainValidationException"/> naming the broken rule.
    /// </summary>
    Task<WorkspaceSettings> UpdateSettings(WorkspaceSettings settings);
}
