namespace Crm.Grains.Customers;

/// <summary>
/// Receives every committed customer change. Called on the grain's turn after the write is durable, so it must not block:
/// a live dashboard queues the change and returns.
/// </summary>
public interface ICustomerChangeSink
{
    void Publish(CustomerChange change);
}

/// <summary>For hosts with nobody watching.</summary>
public sealed class NoCustomerChangeSink : ICustomerChangeSink
{
    public void Publish(CustomerChange change)
    {
    }
}
