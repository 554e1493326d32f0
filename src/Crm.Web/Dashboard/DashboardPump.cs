using Crm.Grains.ReadModel;
using Crm.Web.Workspaces;
using Microsoft.AspNetCore.SignalR;

namespace Crm.Web.Dashboard;

/// <summary>
/// Sends what the grains published to the dashboards, every <see cref="FlushInterval"/>. Sends are started, not awaited:
/// SignalR writes to every connection of a group at once, and a slow or dead dashboard only holds up its own pending
/// writes (until the client timeout closes it), never the next flush, the grains, or other dashboards.
/// </summary>
public sealed class DashboardPump(DashboardFeed feed, IHubContext<DashboardHub> hub, ICustomerRecordQueries queries, TimeProvider clock, ILogger<DashboardPump> logger)
    : BackgroundService
{
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>At most four stat pushes per second per workspace.</summary>
    public static readonly TimeSpan StatsInterval = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(FlushInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var workspace in feed.Workspaces)
            {
                try
                {
                    await FlushAsync(workspace, stoppingToken);
                }
                catch (Exception error) when (error is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning(error, "Could not push dashboard updates of workspace {Workspace}", workspace.Workspace);
                }
            }
        }
    }

    private async Task FlushAsync(WorkspaceFeed workspace, CancellationToken cancellationToken)
    {
        if (workspace.Take(clock.GetUtcNow(), StatsInterval) is not { } batch)
        {
            return;
        }

        var everyone = hub.Clients.Group(DashboardGroups.Workspace(workspace.Workspace));
        var allRows = DashboardGroups.AllRows(workspace.Workspace);
        foreach (var (id, row) in batch.Rows)
        {
            var showing = hub.Clients.Groups(allRows, DashboardGroups.Row(workspace.Workspace, id));
            Observe(row is null
                ? showing.SendAsync(DashboardMethods.CustomerRemoved, new CustomerRemovedMessage(id), cancellationToken)
                : showing.SendAsync(DashboardMethods.CustomerChanged, row, cancellationToken));
        }

        foreach (var (method, payload) in batch.Alerts)
        {
            Observe(everyone.SendAsync(method, payload, cancellationToken));
        }

        foreach (var (customerId, entries) in batch.Timelines)
        {
            Observe(hub.Clients.Group(DashboardGroups.Customer(workspace.Workspace, customerId))
                .SendAsync(DashboardMethods.TimelineAppended, new TimelineAppendedMessage(customerId, entries), cancellationToken));
        }

        if (batch.StatsDue)
        {
            var counts = await queries.StatsAsync(workspace.Workspace, cancellationToken);
            Observe(everyone.SendAsync(DashboardMethods.StatsChanged, WorkspaceEndpoints.StatsResponse.From(counts), cancellationToken));
        }
    }

    private void Observe(Task send)
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
