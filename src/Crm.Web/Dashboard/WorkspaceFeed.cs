using Crm.Grains.Customers;
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
    private List<(string Method, object Payload)> _alerts = [];
    private Dictionary<string, List<TimelineEntryMessage>> _timelines = [];
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
            if (row is not null && change.EnteredAtRisk)
            {
                _alerts.Add((DashboardMethods.NeedsAttention, row));
            }

            if (row is not null && change.BecameSalesOpportunity)
            {
                _alerts.Add((DashboardMethods.Opportunity, row));
            }

            if (row is null && change.MergedInto is not null)
            {
                _alerts.Add((DashboardMethods.CustomerMerged, new CustomerMergedMessage(change.MergedInto, change.CustomerId)));
            }

            if (followed && change.Timeline.Count > 0)
            {
                if (!_timelines.TryGetValue(change.CustomerId, out var entries))
                {
                    _timelines[change.CustomerId] = entries = [];
                }

                entries.AddRange(change.Timeline.Select(TimelineEntryMessage.From));
            }
        }
    }

    /// <summary>
    /// Takes everything pending. Stats are due at most once per <paramref name="statsInterval"/>; when they are not yet
    /// due they stay pending for a later take, so a burst of writes ends with one push of the final counts.
    /// </summary>
    public FeedBatch? Take(DateTimeOffset now, TimeSpan statsInterval)
    {
        lock (_gate)
        {
            var statsDue = _statsChanged && now - _statsSentAt >= statsInterval;
            if (_rows.Count == 0 && _alerts.Count == 0 && _timelines.Count == 0 && !statsDue)
            {
                return null;
            }

            var batch = new FeedBatch(_rows, _alerts, _timelines, statsDue);
            _rows = [];
            _alerts = [];
            _timelines = [];
            if (statsDue)
            {
                _statsChanged = false;
                _statsSentAt = now;
            }

            return batch;
        }
    }
}

/// <summary>One flush of a workspace's feed: the latest row per customer (null when it left the list) and the alerts in order.</summary>
public sealed record FeedBatch(
    IReadOnlyDictionary<string, CustomerListRow?> Rows,
    IReadOnlyList<(string Method, object Payload)> Alerts,
    IReadOnlyDictionary<string, List<TimelineEntryMessage>> Timelines,
    bool StatsDue);
