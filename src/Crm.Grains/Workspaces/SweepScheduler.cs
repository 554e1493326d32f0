using Crm.Grains.ReadModel;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;

namespace Crm.Grains.Workspaces;

/// <summary>
/// Makes sure every workspace with customers has its sweep reminder: at start (reminders in memory do not survive one)
/// and again every interval, for workspaces that gained their first customers since. Scheduling is idempotent, so every
/// node doing it changes nothing; the reminders themselves fire once per cluster.
/// </summary>
public sealed partial class SweepScheduler(IGrainFactory grains, ISweepQueries queries, SweepOptions options, ILogger<SweepScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Interval);
        do
        {
            try
            {
                foreach (var workspace in await queries.WorkspacesAsync(stoppingToken))
                {
                    await ScheduleAsync(workspace);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                ListingFailed(exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One workspace that cannot be scheduled now (its sweep grain busy sweeping) does not hold up the others.</summary>
    private async Task ScheduleAsync(string workspace)
    {
        try
        {
            await grains.GetGrain<IWorkspaceSweepGrain>(workspace).Schedule();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            SchedulingFailed(exception, workspace);
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "Could not list the workspaces to schedule their sweeps; trying again next interval")]
    private partial void ListingFailed(Exception exception);

    [LoggerMessage(2, LogLevel.Warning, "Could not schedule the sweep of workspace {Workspace}; trying again next interval")]
    private partial void SchedulingFailed(Exception exception, string workspace);
}
