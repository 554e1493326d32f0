using System.Collections.Concurrent;
using Crm.Grains.Dashboard;

namespace Crm.Web.Dashboard;

/// <summary>
/// Holds this node's lease on every workspace it shows dashboards of, in that workspace's
/// <see cref="IDashboardRegistryGrain"/>: taken when the first dashboard opens, renewed every
/// <see cref="DashboardLeases.RenewEvery"/> with the customers the node's dashboards follow, dropped once none is left.
/// </summary>
public sealed class DashboardLeaseKeeper(IGrainFactory grains, LocalListener self, DashboardFeed feed, TimeProvider clock, ILogger<DashboardLeaseKeeper> logger)
    : BackgroundService
{
    private readonly ConcurrentDictionary<string, byte> _held = new(StringComparer.Ordinal);
    private long _sequence;

    /// <summary>Tells the registry now which customers this node's dashboards of <paramref name="workspace"/> follow, taking the lease if need be.</summary>
    public Task RenewAsync(string workspace)
    {
        _held[workspace] = 0;
        return grains.GetGrain<IDashboardRegistryGrain>(workspace).Renew(Lease(workspace));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(DashboardLeases.RenewEvery, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            // All at once: one slow registry must not make the leases of other workspaces lapse.
            await Task.WhenAll(_held.Keys.Union(feed.Shown).ToArray().Select(workspace => KeepAsync(workspace, stoppingToken)));
        }
    }

    private async Task KeepAsync(string workspace, CancellationToken stoppingToken)
    {
        try
        {
            await (feed.Shows(workspace) ? RenewAsync(workspace) : LeaveAsync(workspace));
        }
        catch (Exception error) when (error is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning(error, "Could not renew this node's dashboard lease of workspace {Workspace}", workspace);
        }
    }

    private async Task LeaveAsync(string workspace)
    {
        _held.TryRemove(workspace, out _);
        await grains.GetGrain<IDashboardRegistryGrain>(workspace).Leave(Lease(workspace));

        // A dashboard that opened while the leave was on its way took the lease before it: take it back.
        if (feed.Shows(workspace))
        {
            await RenewAsync(workspace);
        }
    }

    private DashboardLease Lease(string workspace) => new(self.Reference, Interlocked.Increment(ref _sequence), feed.Followed(workspace));

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);

        // Leaving on the way out spares the other nodes a lease duration of sends to a node that is gone.
        var leaving = _held.Keys.Select(workspace => grains.GetGrain<IDashboardRegistryGrain>(workspace).Leave(Lease(workspace)));
        try
        {
            await Task.WhenAll(leaving).WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
        }
        catch (Exception error)
        {
            logger.LogDebug(error, "Could not leave every dashboard registry on shutdown; the leases lapse by themselves");
        }
    }
}
