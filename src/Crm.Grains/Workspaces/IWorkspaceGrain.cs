using Orleans;
using Orleans.Concurrency;

namespace Crm.Grains.Workspaces;

/// <summary>A workspace (tenant), keyed by its id: its settings. Read on every customer change, so reads interleave.</summary>
public interface IWorkspaceGrain : IGrainWithStringKey
{
    [ReadOnly]
    Task<WorkspaceSettings> GetSettings();

    /// <summary>Replaces the settings; throws <see cref="Validation.DomainValidationException"/> naming the broken rule.</summary>
    Task<WorkspaceSettings> UpdateSettings(WorkspaceSettings settings);
}
