using Orleans;
using Orleans.Runtime;

namespace Crm.Grains.Nodes;

/// <summary>
/// Which nodes are registered is stored, so a directory reactivated on another node (its own died) still broadcasts to
/// every node instead of missing those that have not renewed since; the reloaded nodes get a fresh lease, and a dead one
/// among them drops out once that lease expires. Renewals only move leases in memory: storage is written when a node
/// joins, leaves or drops out.
/// </summary>
[GrainType("nodedirectory")]
// Renewed every few seconds by every node, so it is never idle; the limit only says it is meant to stay.
[CollectionAgeLimit(Hours = 24)]
public sealed class NodeDirectoryGrain(
    [PersistentState("nodes")] IPersistentState<NodeDirectoryState> nodes,
    NodeOptions options,
    TimeProvider time) : Grain, INodeDirectoryGrain
{
    public const string Key = "cluster";

    private readonly Dictionary<string, Lease> _leases = new(StringComparer.Ordinal);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var expiresAt = time.GetTimestamp() + Ticks(options.LeaseDuration);
        foreach (var (nodeId, observerId) in nodes.State.Observers)
        {
            _leases[nodeId] = new Lease(GrainFactory.GetGrain<INodeObserver>(GrainId.Parse(observerId)), expiresAt);
        }

        return Task.CompletedTask;
    }

    public async Task<bool> Renew(string nodeId, INodeObserver observer, TimeSpan lease)
    {
        var now = time.GetTimestamp();
        var registered = _leases.TryGetValue(nodeId, out var current) && current.ExpiresAt > now && current.Observer.GetGrainId() == observer.GetGrainId();
        _leases[nodeId] = new Lease(observer, now + Ticks(lease));
        var dropped = DropExpired(now);
        if (!registered || dropped)
        {
            await StoreAsync();
        }

        return !registered;
    }

    public async Task Leave(string nodeId)
    {
        if (_leases.Remove(nodeId))
        {
            await StoreAsync();
        }
    }

    public Task<IReadOnlyList<LiveNode>> LiveNodes()
    {
        var now = time.GetTimestamp();
        return Task.FromResult<IReadOnlyList<LiveNode>>(_leases
            .Where(entry => entry.Value.ExpiresAt > now)
            .Select(entry => new LiveNode(entry.Key, entry.Value.Observer))
            .ToArray());
    }

    private bool DropExpired(long now)
    {
        var expired = _leases.Where(entry => entry.Value.ExpiresAt <= now).Select(entry => entry.Key).ToArray();
        foreach (var nodeId in expired)
        {
            _leases.Remove(nodeId);
        }

        return expired.Length > 0;
    }

    /// <summary>
    /// If storage refuses, the activation is dropped: the next renewal reloads what is stored and tells a node missing
    /// from it that it was not registered.
    /// </summary>
    private async Task StoreAsync()
    {
        nodes.State.Observers = _leases.ToDictionary(entry => entry.Key, entry => entry.Value.Observer.GetGrainId().ToString(), StringComparer.Ordinal);
        try
        {
            await nodes.WriteStateAsync();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * time.TimestampFrequency);

    private sealed record Lease(INodeObserver Observer, long ExpiresAt);
}
