using Crm.Grains.Customers;
using Crm.Grains.Dashboard;
using Crm.Grains.ReadModel;

namespace Crm.Web.Dashboard;

/// <summary>
/// What one workspace's dashboards have not been told yet. Grains add to it inside their turn, so adding is a few
/// dictionary operations under a short lock and never waits for the network; <see cref="DashboardPump"/> takes it.
/// </summary>
public sealed class WorkspaceFeed(string workspace)
{
    private readonly Lock _gate = new();
    private Dictionary<string, CustomerListRow?> _rows = [];
    private List<DashboardAlert> _alerts = [];
    private Dictionary<string, List<TimelineRow>> _timelines = [];
    private bool _statsChanged;
    private DateTimeOffset _statsSentAt = DateTimeOffset.MinValue;

    public string Workspace { get; } = workspace;

    public void Add(CustomerChange change, bool followed)
    {
        var row = change.Snapshot is null ? null : CustomerListRow.From(change.Snapshot);
        lock (_gate)
        {
            _rows[change.CustomerId] = row;
            _statsChanged = true;
            if (row is not null && (change.EnteredAtRisk || change.MoodTurnedNegative))
            {
                _alerts.Add(new DashboardAlert(DashboardAlertKind.NeedsAttention, change.CustomerId, row, null));
            }

            if (row is not null && change.BecameSalesOpportunity)
            {
                _alerts.Add(new DashboardAlert(DashboardAlertKind.Opportunity, change.CustomerId, row, null));
            }

            if (row is null && change.MergedInto is not null)
            {
                _alerts.Add(new DashboardAlert(DashboardAlertKind.Merged, change.CustomerId, null, change.MergedInto));
            }

            if (followed && change.Timeline.Count > 0)
            {
                if (!_timelines.TryGetValue(change.CustomerId, out var entries))
                {
                    _timelines[change.CustomerId] = entries = [];
                }

                entries.AddRange(change.Timeline);
            }
        }
    }

    /// <summary>Another node's grains changed the workspace: the counts this node's dashboards show are due again.</summary>
    public void StatsChanged()
    {
        lock (_gate)
        {
            _statsChanged = true;
        }
    }

    /// <summary>
    /// Takes what is pending: the changes when <paramref name="takeChanges"/> (otherwise they wait for a later take), and
    /// whether stats are due, at most once per <paramref name="statsInterval"/>; stats not yet due stay pending for a
    /// later take, so a burst of writes ends with one push of the final counts.
    /// </summary>
    public FeedBatch? Take(DateTimeOffset now, TimeSpan statsInterval, bool takeChanges)
    {
        lock (_gate)
        {
            var statsDue = _statsChanged && now - _statsSentAt >= statsInterval;
            var hasChanges = takeChanges && (_rows.Count > 0 || _alerts.Count > 0 || _timelines.Count > 0);
            if (!hasChanges && !statsDue)
            {
                return null;
            }

            var changes = hasChanges
                ? new DashboardBatch(
                    Workspace,
                    _rows.Select(row => new DashboardRowChange(row.Key, row.Value)).ToArray(),
                    _alerts,
                    _timelines.Select(timeline => new DashboardTimeline(timeline.Key, timeline.Value)).ToArray())
                : new DashboardBatch(Workspace, [], [], []);
            if (hasChanges)
            {
                _rows = [];
                _alerts = [];
                _timelines = [];
            }

            if (statsDue)
            {
                _statsChanged = false;
                _statsSentAt = now;
            }

            return new FeedBatch(changes, statsDue);
        }
    }
}

/// <summary>One flush of a workspace's feed: the changes to push (maybe none) and whether the counts are due.</summary>
public sealed record FeedBatch(DashboardBatch Changes, bool StatsDue);
