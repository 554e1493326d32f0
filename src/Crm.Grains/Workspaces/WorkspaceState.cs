using Orleans;

namespace Crm.Grains.Workspaces;

[GenerateSerializer]
[Alias("crm.WorkspaceState")]
public sealed class WorkspaceState
{
    [Id(0)]
    public WorkspaceSettings Settings { get; set; } = new();
}
