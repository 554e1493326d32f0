using Crm.Grains.Customers;
using Crm.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Core.Internal;
using Orleans.Runtime;
using Orleans.Runtime.Placement;

namespace Crm.Web.Tests.Dashboard;

/// <summary>Two services forming one Orleans cluster over one database, and the means to put a customer's grain on either.</summary>
public sealed class ClusterNodes : IAsyncDisposable
{
    private ClusterNodes(RunningService a, RunningService b)
    {
        A = a;
        B = b;
    }

    public RunningService A { get; }

    public RunningService B { get; }

    public static async Task<ClusterNodes> StartAsync(string connectionString)
    {
        var cluster = $"--Cluster:Id=push-{Guid.NewGuid():N}"[..32];
        var a = await RunningService.StartOnPostgresAsync(connectionString, cluster);
        try
        {
            var b = await RunningService.StartOnPostgresAsync(connectionString, cluster);
            var nodes = new ClusterNodes(a, b);
            await nodes.WaitUntilJoinedAsync();
            return nodes;
        }
        catch
        {
            await a.DisposeAsync();
            throw;
        }
    }

    /// <summary>The silo of <paramref name="node"/> as Orleans addresses it.</summary>
    public static SiloAddress SiloOf(RunningService node) => node.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

    /// <summary>Where Orleans says the customer's grain is active, asked through node A.</summary>
    public Task<SiloAddress?> HostOfAsync(string workspace, string customerId) =>
        Grains(A).GetGrain<IManagementGrain>(0).GetActivationAddress(Customer(A, workspace, customerId)).AsTask();

    /// <summary>Moves the customer's grain to <paramref name="node"/> (Orleans' own migration, with a placement hint) and waits until it is active there.</summary>
    public async Task PlaceOnAsync(RunningService node, string workspace, string customerId)
    {
        var target = SiloOf(node);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (await HostOfAsync(workspace, customerId) != target)
        {
            RequestContext.Set(IPlacementDirector.PlacementHintKey, target);
            try
            {
                await Customer(A, workspace, customerId).Cast<IGrainManagementExtension>().MigrateOnIdle();
            }
            finally
            {
                RequestContext.Remove(IPlacementDirector.PlacementHintKey);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), timeout.Token);
        }
    }

    private async Task WaitUntilJoinedAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while ((await Grains(A).GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Count < 2)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), timeout.Token);
        }
    }

    private static IGrainFactory Grains(RunningService node) => node.Services.GetRequiredService<IGrainFactory>();

    private static ICustomerGrain Customer(RunningService node, string workspace, string customerId) =>
        Grains(node).GetGrain<ICustomerGrain>($"{workspace}/{customerId}");

    public async ValueTask DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
    }
}
