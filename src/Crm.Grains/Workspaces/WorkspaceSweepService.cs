using Crm.Grains.ReadModel;
using Crm.Grains.Segments;
using Orleans;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Crm.Grains.Workspaces;

/// <summary>
/// Runs every workspace's sweep on an interval (<see cref="SweepOptions.Interval"/>), one workspace at a time, and starts
/// any segment evaluation behind its catalog (one whose start failed, or interrupted by a restart).
/// </summary>
public sealed partial class WorkspaceSweepService(IGrainFactory grains, ISweepQueries queries, SweepOptions options, ILogger<WorkspaceSweepService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var workspace in await queries.WorkspacesAsync(stoppingToken))
            {
                try
                {
                    var refreshed = await grains.GetGrain<IWorkspaceSweepGrain>(workspace).Sweep();
                    Swept(workspace, refreshed);
                    var membershipVersion = await grains.GetGrain<ISegmentCatalogGrain>(workspace).GetMembershipVersion();
                    await grains.GetGrain<ISegmentEvaluationGrain>(workspace).Evaluate(membershipVersion);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    SweepFailed(exception, workspace);
                }
            }
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Swept workspace {Workspace}: {Refreshed} customers refreshed")]
    private partial void Swept(string workspace, int refreshed);

    [LoggerMessage(2, LogLevel.Error, "Sweep of workspace {Workspace} failed; it runs again next interval")]
    private partial void SweepFailed(Exception exception, string workspace);
}
