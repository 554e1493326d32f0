namespace Crm.Grains.Workspaces;

public sealed class WorkspaceSweepState
{
    public DateTimeOffset? LastSweptAt { get; set; }
}
