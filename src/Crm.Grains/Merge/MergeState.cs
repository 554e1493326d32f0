namespace Crm.Grains.Merge;

/// <summary>The durable merge record of one pair of customers.</summary>
public sealed class MergeState
{
    public string? SurvivorId { get; set; }

    public string? DuplicateId { get; set; }

    public MergePhase Phase { get; set; }

    public string? Actor { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }
}
