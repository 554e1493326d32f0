using Orleans;

namespace Crm.Grains.Workspaces;

[GenerateSerializer]
[Alias("crm.WorkspaceSweepState")]
public sealed class WorkspaceSweepState
{
    [Id(0)]
    public DateTimeOffset? LastSweptAt { get; set; }

    /// <summary>The period the reminder was registered with; Orleans does not answer it back.</summary>
    [Id(1)]
    public TimeSpan? ScheduledEvery { get; set; }
}
