namespace Crm.Grains.Customers;

/// <summary>The customer does not exist in this workspace (or was erased).</summary>
public sealed class CustomerNotFoundException(string customerId) : Exception($"Customer '{customerId}' does not exist")
{
    public string CustomerId { get; } = customerId;
}
