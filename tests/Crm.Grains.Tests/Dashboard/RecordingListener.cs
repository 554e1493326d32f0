using System.Threading.Channels;
using Crm.Grains.Dashboard;

namespace Crm.Grains.Tests.Dashboard;

/// <summary>A node's observer that keeps what it receives.</summary>
public sealed class RecordingListener : IDashboardListener
{
    private readonly Channel<DashboardBatch> _batches = Channel.CreateUnbounded<DashboardBatch>();
    private readonly Channel<DashboardListeners> _changes = Channel.CreateUnbounded<DashboardListeners>();

    public Task Receive(DashboardBatch batch)
    {
        _batches.Writer.TryWrite(batch);
        return Task.CompletedTask;
    }

    public Task ListenersChanged(string workspace, DashboardListeners listeners)
    {
        _changes.Writer.TryWrite(listeners);
        return Task.CompletedTask;
    }

    public Task<DashboardBatch> NextBatchAsync() => _batches.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    public Task<DashboardListeners> NextChangeAsync() => _changes.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    /// <summary>The changes told so far and not yet taken.</summary>
    public int PendingChanges => _changes.Reader.Count;
}
