using Orleans;

namespace Crm.Grains.Upgrade;

[GenerateSerializer]
[Alias("crm.IdentityUpgradeState")]
public sealed class IdentityUpgradeState
{
    /// <summary>The identity rules every stored customer follows; below <see cref="IdentityUpgradeGrain.RulesVersion"/> while the pass has work.</summary>
    [Id(0)]
    public int RulesVersion { get; set; }

    /// <summary>The last customer state key the pass finished (<c>{workspace}/{customerId}</c>, in the store's key order); null at its start.</summary>
    [Id(1)]
    public string? After { get; set; }

    [Id(2)]
    public DateTimeOffset? StartedAt { get; set; }

    [Id(3)]
    public DateTimeOffset? FinishedAt { get; set; }

    [Id(4)]
    public IdentityUpgradeCounts Counts { get; set; } = new();
}
