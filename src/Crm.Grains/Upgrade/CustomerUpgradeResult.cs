using Orleans;

namespace Crm.Grains.Upgrade;

/// <summary>What bringing one customer to the current identity rules did; <see cref="Refused"/> describes each stored value the rules refuse.</summary>
[GenerateSerializer]
[Immutable]
[Alias("crm.CustomerUpgradeResult")]
public sealed record CustomerUpgradeResult(
    [property: Id(0)] bool Changed,
    [property: Id(1)] int DuplicatesSuggested,
    [property: Id(2)] IReadOnlyList<string> Refused)
{
    public static readonly CustomerUpgradeResult Unchanged = new(false, 0, []);
}
