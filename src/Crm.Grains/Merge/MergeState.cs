using Orleans;

namespace Crm.Grains.Merge;

/// <summary>The durable merge record of one pair of customers.</summary>
[GenerateSerializer]
[Alias("crm.MergeState")]
public sealed class MergeState
{
    [Id(0)]
    public string? SurvivorId { get; set; }

    [Id(1)]
    public string? DuplicateId { get; set; }

    [Id(2)]
    public MergePhase Phase { get; set; }

    [Id(3)]
    public string? Actor { get; set; }

    [Id(4)]
    public DateTimeOffset? StartedAt { get; set; }

    [Id(5)]
    public DateTimeOffset? CompletedAt { get; set; }
}
