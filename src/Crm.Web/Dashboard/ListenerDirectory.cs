using System.Collections.Concurrent;
using Crm.Grains.Dashboard;

namespace Crm.Web.Dashboard;

/// <summary>
/// This node's copy of which nodes listen to each workspace's changes. Read from the workspace's
/// <see cref="IDashboardRegistryGrain"/> at most once per <see cref="RefreshEvery"/> while the workspace's grains commit
/// here; each read also has the registry tell this node of every change for <see cref="DashboardLeases.ReaderFor"/>, so
/// a dashboard opening or following a customer on another node counts from the next commit. Grains read the copy on
/// their turn, so a read never waits: an old copy starts a read in the background and is answered meanwhile while the
/// registry still tells this node of changes; after a quiet spell longer than that the copy is "unknown" until the
/// read answers, and the pump holds the workspace's changes until then, for <see cref="HoldAtMost"/> at the most.
/// </summary>
public sealed class ListenerDirectory(IGrainFactory grains, LocalListener self, TimeProvider clock, ILogger<ListenerDirectory> logger)
{
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a read that does not answer holds a workspace's changes: when the registry's node is lost, calls to it
    /// wait until the cluster declares that node dead (15–20 s). Past this, changes go where the last answer said, so
    /// this node's own dashboards keep receiving them; a node that began listening meanwhile misses them.
    /// </summary>
    public static readonly TimeSpan HoldAtMost = TimeSpan.FromSeconds(2);

    /// <summary>How long after a read this node is sure to hear of changes: the registry's window, less a margin for the read's way back.</summary>
    private static readonly TimeSpan ToldFor = DashboardLeases.ReaderFor - RefreshEvery;

    private readonly ConcurrentDictionary<string, Entry> _workspaces = new(StringComparer.Ordinal);

    /// <summary>The listeners of <paramref name="workspace"/>, or null when this node's copy is missing or may have missed a change.</summary>
    public ListenerView? Read(string workspace)
    {
        var entry = _workspaces.GetOrAdd(workspace, static _ => new Entry());
        if (clock.GetElapsedTime(Volatile.Read(ref entry.TriedAt)) >= RefreshEvery && Interlocked.Exchange(ref entry.Refreshing, 1) == 0)
        {
            Volatile.Write(ref entry.TriedAt, clock.GetTimestamp());

            // Off the grain's turn and without its request context: the grain must not wait for, or be re-entered by, the read.
            using (ExecutionContext.SuppressFlow())
            {
                _ = Task.Run(() => RefreshAsync(workspace, entry));
            }
        }

        return clock.GetElapsedTime(Volatile.Read(ref entry.ReadAt)) < ToldFor ? entry.View : null;
    }

    /// <summary>
    /// The listeners to send <paramref name="workspace"/>'s pending changes to, or null while a read on its way may still
    /// answer in time (<see cref="HoldAtMost"/>).
    /// </summary>
    public ListenerView? Ready(string workspace)
    {
        if (!_workspaces.TryGetValue(workspace, out var entry))
        {
            return null;
        }

        if (Volatile.Read(ref entry.Refreshing) == 0 || clock.GetElapsedTime(Volatile.Read(ref entry.ReadAt)) < ToldFor)
        {
            return entry.View;
        }

        return clock.GetElapsedTime(Volatile.Read(ref entry.TriedAt)) >= HoldAtMost ? entry.View ?? ListenerView.Nobody : null;
    }

    /// <summary>The registry says the listeners changed; an answer older than the copy held (overtaken on the way) is ignored.</summary>
    public void Changed(string workspace, DashboardListeners listeners)
    {
        if (_workspaces.TryGetValue(workspace, out var entry))
        {
            entry.Update(listeners);
        }
    }

    private async Task RefreshAsync(string workspace, Entry entry)
    {
        try
        {
            var startedAt = clock.GetTimestamp();
            entry.Update(await grains.GetGrain<IDashboardRegistryGrain>(workspace).GetListeners(self.Reference));
            Volatile.Write(ref entry.ReadAt, startedAt);
        }
        catch (Exception error)
        {
            // Without an answer, pending changes go where the last answer said (this node's dashboards only if none came);
            // the next commit after RefreshEvery reads again.
            logger.LogWarning(error, "Could not read which nodes show dashboards of workspace {Workspace}", workspace);
            entry.View ??= ListenerView.Nobody;
        }
        finally
        {
            Volatile.Write(ref entry.Refreshing, 0);
        }
    }

    private sealed class Entry
    {
        private readonly Lock _gate = new();
        private DashboardListeners? _source;

        /// <summary>The listeners a registry activation that is gone knew, kept while its successor settles.</summary>
        private ListenerView? _carried;

        public volatile ListenerView? View;
        /// <summary>When the last answered read started: the registry tells this node of changes from then on.</summary>
        public long ReadAt;
        public long TriedAt;
        public int Refreshing;

        public void Update(DashboardListeners listeners)
        {
            lock (_gate)
            {
                if (!listeners.Supersedes(_source))
                {
                    return;
                }

                // A new registry activation (its node left or failed) knows only the leases renewed since it started:
                // until every listener had its turn to renew, the ones known before still count.
                if (_source is not null && listeners.Epoch != _source.Epoch)
                {
                    _carried = listeners.Settling ? View : null;
                }
                else if (!listeners.Settling)
                {
                    _carried = null;
                }

                _source = listeners;
                View = _carried is null ? ListenerView.From(listeners) : ListenerView.From(listeners).With(_carried);
            }
        }
    }
}

/// <summary>The nodes listening to one workspace (this one among them if it has dashboards) and the customers they follow.</summary>
public sealed record ListenerView(IReadOnlyList<IDashboardListener> Listeners, IReadOnlySet<string> Followed)
{
    public static readonly ListenerView Nobody = new([], new HashSet<string>());

    /// <summary>These listeners and <paramref name="other"/>'s, each once.</summary>
    public ListenerView With(ListenerView other) => new(
        Listeners.Concat(other.Listeners).DistinctBy(listener => listener.GetGrainId()).ToArray(),
        Followed.Union(other.Followed).ToHashSet(StringComparer.Ordinal));

    public static ListenerView From(DashboardListeners listeners) => listeners.Listeners.Count == 0
        ? Nobody
        : new(
            listeners.Listeners.Select(listener => listener.Listener).ToArray(),
            listeners.Listeners.SelectMany(listener => listener.Followed).ToHashSet(StringComparer.Ordinal));
}
