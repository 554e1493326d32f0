using Orleans;

namespace Crm.Grains.Upgrade;

/// <summary>Where the identity upgrade stands: <see cref="Done"/> once every stored customer follows the current rules.</summary>
[GenerateSerializer]
[Immutable]
[Alias("crm.IdentityUpgradeStatus")]
public sealed record IdentityUpgradeStatus(
    [property: Id(0)] bool Done,
    [property: Id(1)] int RulesVersion,
    [property: Id(2)] string? After,
    [property: Id(3)] IdentityUpgradeCounts Counts,
    [property: Id(4)] DateTimeOffset? StartedAt,
    [property: Id(5)] DateTimeOffset? FinishedAt);
