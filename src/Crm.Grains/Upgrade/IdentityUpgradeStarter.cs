using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;

namespace Crm.Grains.Upgrade;

/// <summary>
/// At every node's start: wakes the identity upgrade pass (a no-op once done, and every node doing it changes nothing:
/// one grain runs it for the cluster), then watches it, once a second, until this node has seen it done.
/// </summary>
public sealed partial class IdentityUpgradeStarter(IGrainFactory grains, IdentityUpgradeGate gate, TimeProvider time, ILogger<IdentityUpgradeStarter> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, time);
        var started = false;
        do
        {
            try
            {
                if (!started)
                {
                    gate.Seen(await grains.GetGrain<IIdentityUpgradeGrain>(IdentityUpgradeGrain.Key).Start());
                    started = true;
                }
                else
                {
                    await gate.IsOpenAsync();
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                StartFailed(exception);
            }
        }
        while (!gate.IsOpen && await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(1, LogLevel.Warning, "Could not wake the identity upgrade pass; trying again in a second (ingest stays closed until it is done)")]
    private partial void StartFailed(Exception exception);
}
