using System.Collections.Concurrent;
using Crm.Grains.Dashboard;

namespace Crm.Web.Dashboard;

/// <summary>
/// This node's copy of which nodes listen to each workspace's changes, read from the workspace's
/// <see cref="IDashboardRegistryGrain"/> at most once per <see cref="RefreshEvery"/> while the workspace's grains commit
/// here. Grains read it on their turn, so a read never waits: a stale copy starts a refresh in the background and is
/// answered meanwhile. A node's dashboards opening or following a customer therefore reach the other nodes' grains
/// within about a second.
/// </summary>
public sealed class ListenerDirectory(IGrainFactory grains, TimeProvider clock, ILogger<ListenerDirectory> logger)
{
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, Entry> _workspaces = new(StringComparer.Ordinal);

    /// <summary>
    /// The listeners of <paramref name="workspace"/> as last read, refreshing them if they are stale; null until the
    /// first read answers.
    /// </summary>
    public ListenerView? Read(string workspace)
    {
        var entry = _workspaces.GetOrAdd(workspace, static _ => new Entry());
        if (clock.GetElapsedTime(Volatile.Read(ref entry.ReadAt)) >= RefreshEvery && Interlocked.Exchange(ref entry.Refreshing, 1) == 0)
        {
            // Off the grain's turn and without its request context: the grain must not wait for, or be re-entered by, the read.
            using (ExecutionContext.SuppressFlow())
            {
                _ = Task.Run(() => RefreshAsync(workspace, entry));
            }
        }

        return entry.View;
    }

    /// <summary>The listeners as last read, without refreshing; null until the first read answers.</summary>
    public ListenerView? Known(string workspace) => _workspaces.TryGetValue(workspace, out var entry) ? entry.View : null;

    private async Task RefreshAsync(string workspace, Entry entry)
    {
        try
        {
            entry.View = ListenerView.From(await grains.GetGrain<IDashboardRegistryGrain>(workspace).GetListeners());
        }
        catch (Exception error)
        {
            // Without an answer, changes go to this node's own dashboards only; the next commit after RefreshEvery retries.
            logger.LogWarning(error, "Could not read which nodes show dashboards of workspace {Workspace}", workspace);
            entry.View ??= ListenerView.Nobody;
        }
        finally
        {
            Volatile.Write(ref entry.ReadAt, clock.GetTimestamp());
            Volatile.Write(ref entry.Refreshing, 0);
        }
    }

    private sealed class Entry
    {
        public volatile ListenerView? View;
        public long ReadAt;
        public int Refreshing;
    }
}

/// <summary>The nodes listening to one workspace (this one among them if it has dashboards) and the customers they follow.</summary>
public sealed record ListenerView(IReadOnlyList<IDashboardListener> Listeners, IReadOnlySet<string> Followed)
{
    public static readonly ListenerView Nobody = new([], new HashSet<string>());

    public static ListenerView From(DashboardListeners listeners) => listeners.Listeners.Count == 0
        ? Nobody
        : new(
            listeners.Listeners.Select(listener => listener.Listener).ToArray(),
            listeners.Listeners.SelectMany(listener => listener.Followed).ToHashSet(StringComparer.Ordinal));
}
