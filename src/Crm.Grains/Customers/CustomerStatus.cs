using Orleans;
using Orleans.Concurrency;

namespace Crm.Grains.Customers;

/// <summary>Where a customer id stands, answered by the grain itself without forwarding.</summary>
[GenerateSerializer]
[Immutable]
[Alias("crm.CustomerStatus")]
public sealed record CustomerStatus(bool Exists, string? MergedInto, bool Erased)
{
    public bool IsLive => Exists && MergedInto is null && !Erased;
}
