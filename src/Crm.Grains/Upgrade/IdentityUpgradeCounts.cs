using Orleans;

namespace Crm.Grains.Upgrade;

/// <summary>What the pass has done so far. A page repeated after a crash counts its customers again; the stored data does not change twice.</summary>
[GenerateSerializer]
[Alias("crm.IdentityUpgradeCounts")]
public sealed record IdentityUpgradeCounts
{
    /// <summary>Stored customer states visited, tombstones and erased customers included.</summary>
    [Id(0)]
    public long Visited { get; init; }

    /// <summary>Live customers whose identities or profile changed.</summary>
    [Id(1)]
    public long Changed { get; init; }

    /// <summary>Canonical identities another customer already held: a duplicate suggestion each.</summary>
    [Id(2)]
    public long DuplicatesSuggested { get; init; }

    /// <summary>Stored values the current rules refuse, left as they were.</summary>
    [Id(3)]
    public long Refused { get; init; }

    public IdentityUpgradeCounts Add(CustomerUpgradeResult result) => this with
    {
        Visited = Visited + 1,
        Changed = Changed + (result.Changed ? 1 : 0),
        DuplicatesSuggested = DuplicatesSuggested + result.DuplicatesSuggested,
        Refused = Refused + result.Refused.Count,
    };
}
