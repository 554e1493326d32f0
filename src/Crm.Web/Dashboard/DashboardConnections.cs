using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace Crm.Web.Dashboard;

/// <summary>Open dashboard connections by key, so revoking a key also closes the dashboards it opened.</summary>
public sealed class DashboardConnections
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
