using System.Collections.Concurrent;
using Crm.Grains.Nodes;
using Microsoft.AspNetCore.SignalR;

namespace Crm.Web.Dashboard;

/// <summary>
/// This node's open dashboard connections by key, so revoking a key closes the dashboards it opened: the revocation is
/// broadcast to every node, and each closes its own.
/// </summary>
public sealed class DashboardConnections : INodeListener
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, HubCallerContext>> _byKey = new(StringComparer.Ordinal);

    public void Add(string keyId, HubCallerContext connection) =>
        _byKey.GetOrAdd(keyId, static _ => new(StringComparer.Ordinal))[connection.ConnectionId] = connection;

    public void Remove(string keyId, HubCallerContext connection)
    {
        if (_byKey.TryGetValue(keyId, out var open))
        {
            open.TryRemove(connection.ConnectionId, out _);
        }
    }

    void INodeListener.KeyRevoked(string keyId, string secretHash) => CloseAll(keyId);

    public void CloseAll(string keyId)
    {
        if (_byKey.TryRemove(keyId, out var open))
        {
            foreach (var connection in open.Values)
            {
                connection.Abort();
            }
        }
    }
}
