using Crm.Grains.Dashboard;
using Microsoft.AspNetCore.SignalR;

namespace Crm.Web.Dashboard;

/// <summary>
/// Pushes a batch of changes to this node's dashboards, whichever node's grains committed them. Sends are started, not
/// awaited: SignalR writes to every connection of a group at once, and a slow or dead dashboard only holds up its own
/// pending writes (until the client timeout closes it), never the next flush, the grains, or other dashboards.
/// </summary>
public sealed class DashboardPush(IHubContext<DashboardHub> hub, ILogger<DashboardPush> logger)
{
    public void Send(DashboardBatch batch)
    {
        var workspace = batch.Workspace;
        var everyone = hub.Clients.Group(DashboardGroups.Workspace(workspace));
        var allRows = DashboardGroups.AllRows(workspace);
        foreach (var change in batch.Rows)
        {
            var showing = hub.Clients.Groups(allRows, DashboardGroups.Row(workspace, change.CustomerId));
            Observe(change.Row is null
                ? showing.SendAsync(DashboardMethods.CustomerRemoved, new CustomerRemovedMessage(change.CustomerId))
                : showing.SendAsync(DashboardMethods.CustomerChanged, change.Row));
        }

        foreach (var alert in batch.Alerts)
        {
            Observe(alert.Kind switch
            {
                DashboardAlertKind.NeedsAttention => everyone.SendAsync(DashboardMethods.NeedsAttention, alert.Row),
                DashboardAlertKind.Opportunity => everyone.SendAsync(DashboardMethods.Opportunity, alert.Row),
                _ => everyone.SendAsync(DashboardMethods.CustomerMerged, new CustomerMergedMessage(alert.MergedInto!, alert.CustomerId)),
            });
        }

        foreach (var timeline in batch.Timelines)
        {
            Observe(hub.Clients.Group(DashboardGroups.Customer(workspace, timeline.CustomerId)).SendAsync(
                DashboardMethods.TimelineAppended,
                new TimelineAppendedMessage(timeline.CustomerId, timeline.Entries.Select(TimelineEntryMessage.From).ToArray())));
        }
    }

    public void Observe(Task send)
    {
        if (!send.IsCompletedSuccessfully)
        {
            send.ContinueWith(
                failed => logger.LogDebug(failed.Exception, "A dashboard push did not complete"),
                CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }
}
