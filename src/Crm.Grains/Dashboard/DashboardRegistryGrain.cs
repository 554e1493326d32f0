using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;

namespace Crm.Grains.Dashboard;

[GrainType("dashboard-registry")]
public sealed class DashboardRegistryGrain([FromKeyedServices(GrainClock.Key)] TimeProvider clock) : Grain, IDashboardRegistryGrain
{
    /// <summary>Every node holding a lease renews within this after the activation starts, with a margin for a slow renewal.</summary>
    public static readonly TimeSpan SettlesIn = DashboardLeases.RenewEvery + TimeSpan.FromSeconds(1);

    private readonly DashboardRegistryState _state = new();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _state.SettledAt = clock.GetUtcNow() + SettlesIn;
        return Task.CompletedTask;
    }

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

    public Task<DashboardListeners> GetListeners(IDashboardListener? reader)
    {
        var now = clock.GetUtcNow();
        if (reader is not null)
        {
            _state.Readers[reader.GetGrainId()] = new Reader(reader, now + DashboardLeases.ReaderFor);
        }

        return Task.FromResult(Current(now));
    }

    private void Hold(DashboardLease lease, DateTimeOffset expiresAt)
    {
        var now = clock.GetUtcNow();
        var id = lease.Listener.GetGrainId();
        var held = _state.Leases.GetValueOrDefault(id);
        if (held is not null && held.Lease.Sequence > lease.Sequence)
        {
            return;
        }

        _state.Leases[id] = new HeldLease(lease, expiresAt);
        var wasLive = held is not null && held.ExpiresAt > now;
        var isLive = expiresAt > now;
        if (wasLive != isLive || (isLive && !held!.Lease.Followed.ToHashSet(StringComparer.Ordinal).SetEquals(lease.Followed)))
        {
            _state.Listeners = null;
            TellReaders(now);
        }
    }

    /// <summary>One-way calls: the registry never waits for a reader, and a reader that is gone is dropped when its time is up.</summary>
    private void TellReaders(DateTimeOffset now)
    {
        var listeners = Current(now);
        var workspace = this.GetPrimaryKeyString();
        foreach (var (id, reader) in _state.Readers)
        {
            if (reader.Until <= now)
            {
                _state.Readers.Remove(id);
            }
            else
            {
                _ = reader.Listener.ListenersChanged(workspace, listeners);
            }
        }
    }

    private DashboardListeners Current(DateTimeOffset now)
    {
        foreach (var (id, held) in _state.Leases)
        {
            if (held.ExpiresAt <= now - DashboardLeases.Duration)
            {
                _state.Leases.Remove(id);
            }
        }

        // Rebuilt when the table changed, a held lease lapsed or the activation settled since the answer was built.
        if (_state.Listeners is null || now >= _state.ListenersValidUntil)
        {
            var live = _state.Leases.Values.Where(held => held.ExpiresAt > now).ToArray();
            var settling = now < _state.SettledAt;
            _state.Listeners = new DashboardListeners(
                live.Select(held => new DashboardListener(held.Lease.Listener, held.Lease.Followed)).ToArray(),
                _state.Epoch,
                ++_state.Version,
                settling);
            _state.ListenersValidUntil = live.Select(held => held.ExpiresAt).Append(settling ? _state.SettledAt : DateTimeOffset.MaxValue).Min();
        }

        return _state.Listeners;
    }
}
