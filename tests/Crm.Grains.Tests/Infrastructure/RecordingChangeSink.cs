using System.Collections.Concurrent;
using Crm.Grains.Customers;

namespace Crm.Grains.Tests.Infrastructure;

public sealed class RecordingChangeSink : ICustomerChangeSink
{
    public ConcurrentQueue<CustomerChange> Published { get; } = new();

    public void Publish(CustomerChange change) => Published.Enqueue(change);
}
