using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;

namespace Crm.Grains.Dashboard;

[GrainType("dashboard-registry")]
public sealed class DashboardRegistryGrain([FromKeyedServices(GrainClock.Key)] TimeProvider clock) : Grain, IDashboardRegistryGrain
{
    private readonly DashboardRegistryState _state = new();

    public Task Renew(DashboardLease lease)
    {
        Hold(lease, clock.GetUtcNow() + DashboardLeases.Duration);
        return Task.CompletedTask;
    }

    public Task Leave(DashboardLease lease)
    {
        Hold(lease, clock.GetUtcNow());
        return Task.CompletedTask;
    }

    public Task<DashboardListeners> GetListeners()
    {
        var now = clock.GetUtcNow();
        foreach (var (id, held) in _state.Leases)
        {
            if (held.ExpiresAt <= now - DashboardLeases.Duration)
            {
                _state.Leases.Remove(id);
            }
        }

        // Rebuilt when the table changed or a held lease lapsed since the answer was built.
        if (_state.Listeners is null || now >= _state.ListenersValidUntil)
        {
            var live = _state.Leases.Values.Where(held => held.ExpiresAt > now).ToArray();
            _state.Listeners = live.Length == 0
                ? DashboardListeners.None
                : new DashboardListeners(live.Select(held => new DashboardListener(held.Lease.Listener, held.Lease.Followed)).ToArray());
            _state.ListenersValidUntil = live.Length == 0 ? DateTimeOffset.MaxValue : live.Min(held => held.ExpiresAt);
        }

        return Task.FromResult(_state.Listeners);
    }

    private void Hold(DashboardLease lease, DateTimeOffset expiresAt)
    {
        var id = lease.Listener.GetGrainId();
        if (_state.Leases.TryGetValue(id, out var held) && held.Lease.Sequence > lease.Sequence)
        {
            return;
        }

        _state.Leases[id] = new HeldLease(lease, expiresAt);
        _state.Listeners = null;
    }
}
