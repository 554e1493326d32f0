using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;

namespace Crm.Grains.Upgrade;

/// <summary>
/// At every node's start: wakes the identity upgrade pass (a no-op once done; one grain runs it for the cluster, so every
/// node doing it changes nothing) and waits up to <see cref="IdentityUpgradeOptions.WaitAtStart"/> for it, so a node
/// over a fresh or small store opens with ingest open. Past that the node starts anyway and watches the pass, once a
/// second, until it has seen it done.
/// </summary>
public sealed partial class IdentityUpgradeStarter(
    IGrainFactory grains,
    IdentityUpgradeGate gate,
    IdentityUpgradeOptions options,
    TimeProvider time,
    ILogger<IdentityUpgradeStarter> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(1);

    private IIdentityUpgradeGrain Pass => grains.GetGrain<IIdentityUpgradeGrain>(IdentityUpgradeGrain.Key);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var status = await Pass.Start();
            if (!status.Done && options.WaitAtStart > TimeSpan.Zero)
            {
                status = await Pass.WaitUntilDone(options.WaitAtStart);
            }

            gate.Seen(status);
            if (!status.Done)
            {
                StillRunning(status.Counts.Visited);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            StartFailed(exception);
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, time);
        // Asking activates the pass grain if it is not active, and activation resumes a pass that is behind, so this also
        // retries a start that failed above; the gate asks at most once a second, and never once it has seen it done.
        while (!gate.IsOpen && await timer.WaitForNextTickAsync(stoppingToken))
        {
            await gate.IsOpenAsync();
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "Could not reach the identity upgrade pass; trying again in a second (ingest stays closed until it is done)")]
    private partial void StartFailed(Exception exception);

    [LoggerMessage(2, LogLevel.Warning, "The identity upgrade is still running ({Visited} customers so far): this node serves reads, and answers 503 to ingest until it is done")]
    private partial void StillRunning(long visited);
}
