using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;

namespace Crm.Grains.Nodes;

/// <summary>
/// Keeps this node in the node directory while its silo runs: registers its <see cref="NodeObserver"/> when the silo
/// becomes active, renews the lease every <see cref="NodeOptions.RenewEvery"/>, and leaves when the silo stops. Whenever
/// the directory says the node was not registered, or a renewal failed so nobody knows whether it still is, the node's
/// listeners drop what they cached.
/// </summary>
public sealed partial class NodeMembership(IGrainFactory grains, NodeObserver observer, NodeOptions options, ILogger<NodeMembership> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly CancellationTokenSource _stopping = new();
    private INodeObserver? _reference;
    private Task? _renewals;
    private bool _lastRenewalFailed;

    /// <summary>This node's id in the directory, new for every start of the process.</summary>
    public string NodeId { get; } = Guid.NewGuid().ToString("N");

    private INodeDirectoryGrain Directory => grains.GetGrain<INodeDirectoryGrain>(NodeDirectoryGrain.Key);

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(NodeMembership), ServiceLifecycleStage.Active, StartAsync, StopAsync);

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        _reference = grains.CreateObjectReference<INodeObserver>(observer);
        await RenewAsync();
        _renewals = RenewEveryIntervalAsync(_stopping.Token);
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_renewals is not null)
        {
            await _renewals;
        }

        try
        {
            await Directory.Leave(NodeId).WaitAsync(options.BroadcastTimeout, cancellationToken);
        }
        catch (Exception exception)
        {
            LeaveFailed(exception, NodeId);
        }

        if (_reference is not null)
        {
            grains.DeleteObjectReference<INodeObserver>(_reference);
        }
    }

    private async Task RenewEveryIntervalAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(options.RenewEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                await RenewAsync();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Renews the lease now (the node does so every <see cref="NodeOptions.RenewEvery"/>); a failure is logged, never thrown.</summary>
    public async Task RenewAsync()
    {
        try
        {
            var registered = await Directory.Renew(NodeId, _reference!, options.LeaseDuration);
            if (registered || _lastRenewalFailed)
            {
                Registered(NodeId, registered);
                observer.Registered();
            }

            _lastRenewalFailed = false;
        }
        catch (Exception exception)
        {
            _lastRenewalFailed = true;
            RenewalFailed(exception, NodeId);
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Node {NodeId} joined the node directory (new registration: {Registered}); its caches were dropped")]
    private partial void Registered(string nodeId, bool registered);

    [LoggerMessage(2, LogLevel.Warning, "Node {NodeId} could not renew its lease; it tries again next interval")]
    private partial void RenewalFailed(Exception exception, string nodeId);

    [LoggerMessage(3, LogLevel.Warning, "Node {NodeId} could not leave the node directory; its lease expires by itself")]
    private partial void LeaveFailed(Exception exception, string nodeId);
}
