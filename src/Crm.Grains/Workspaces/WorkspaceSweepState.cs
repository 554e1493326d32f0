using Orleans;

namespace Crm.Grains.Workspaces;

[GenerateSerializer]
[Alias("crm.WorkspaceSweepState")]
public sealed class WorkspaceSweepState
{
    [Id(0)]
    public DateTimeOffset? LastSweptAt { get; set; }
}
