using Crm.Grains.Dashboard;
using Crm.Grains.ReadModel;
using Crm.Web.Workspaces;
using Microsoft.AspNetCore.SignalR;

namespace Crm.Web.Dashboard;

/// <summary>
/// Every <see cref="FlushInterval"/>, takes each workspace's pending changes as one batch, pushes it to this node's
/// dashboards and sends it once to every other node listening to the workspace (a one-way call: never awaited, so a
/// slow node holds up nobody). Counts are not sent: each node showing the workspace queries them itself when due, so
/// every node's cards equal a count over the rows, whichever node's grains changed them.
/// </summary>
public sealed class DashboardPump(
    DashboardFeed feed,
    ListenerDirectory listeners,
    LocalListener self,
    DashboardPush push,
    IHubContext<DashboardHub> hub,
    ICustomerRecordQueries queries,
    TimeProvider clock,
    ILogger<DashboardPump> logger)
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
        // Changes wait while this node reads where else they go (a registry round trip, after a quiet second).
        var view = listeners.Ready(workspace.Workspace);
        if (workspace.Take(clock.GetUtcNow(), StatsInterval, takeChanges: view is not null) is not { } batch)
        {
            return;
        }

        if (!batch.Changes.IsEmpty)
        {
            foreach (var listener in view!.Listeners)
            {
                if (!self.Is(listener))
                {
                    push.Observe(listener.Receive(batch.Changes));
                }
            }
        }

        if (!feed.Shows(workspace.Workspace))
        {
            return;
        }

        push.Send(batch.Changes);
        if (batch.StatsDue)
        {
            var counts = await queries.StatsAsync(workspace.Workspace, cancellationToken);
            push.Observe(hub.Clients.Group(DashboardGroups.Workspace(workspace.Workspace))
                .SendAsync(DashboardMethods.StatsChanged, WorkspaceEndpoints.StatsResponse.From(counts), cancellationToken));
        }
    }
}
