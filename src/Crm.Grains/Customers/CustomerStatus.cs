namespace Crm.Grains.Customers;

/// <summary>Where a customer id stands, answered by the grain itself without forwarding.</summary>
public sealed record CustomerStatus(bool Exists, string? MergedInto, bool Erased)
{
    public bool IsLive => Exists && MergedInto is null && !Erased;
}
