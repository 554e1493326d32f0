namespace Crm.Grains.Workspaces;

public sealed class WorkspaceState
{
    public WorkspaceSettings Settings { get; set; } = new();
}
