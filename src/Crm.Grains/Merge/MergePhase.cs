using Orleans;

namespace Crm.Grains.Merge;

/// <summary>How far a merge got; each phase is durable before the next starts, and every step is safe to run again.</summary>
[GenerateSerializer]
[Alias("crm.MergePhase")]
public enum MergePhase
{
    NotStarted,
    Started,
    DuplicateRetired,
    Absorbed,
    IdentitiesRepointed,
    Completed,
}
