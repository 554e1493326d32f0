using Orleans;

namespace Crm.Grains.Customers;

/// <summary>The customer does not exist in this workspace (or was erased).</summary>
[GenerateSerializer]
[Alias("crm.CustomerNotFoundException")]
public sealed class CustomerNotFoundException(string customerId) : Exception($"Customer '{customerId}' does not exist")
{
    [Id(0)]
    public string CustomerId { get; private init; } = customerId;
}
