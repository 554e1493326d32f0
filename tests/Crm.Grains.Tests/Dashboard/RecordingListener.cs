using System.Threading.Channels;
using Crm.Grains.Dashboard;

namespace Crm.Grains.Tests.Dashboard;

/// <summary>A node's observer that keeps what it receives.</summary>
public sealed class RecordingListener : IDashboardListener
{
    private readonly Channel<DashboardBatch> _received = Channel.CreateUnbounded<DashboardBatch>();

    public Task Receive(DashboardBatch batch)
    {
        _received.Writer.TryWrite(batch);
        return Task.CompletedTask;
    }

    public Task<DashboardBatch> NextAsync() => _received.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
}
