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
                    await grains.GetGrain<IWorkspaceSweepGrain>(workspace).Schedule();
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                SchedulingFailed(exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(1, LogLevel.Warning, "Could not schedule the workspace sweeps; trying again next interval")]
    private partial void SchedulingFailed(Exception exception);
}
