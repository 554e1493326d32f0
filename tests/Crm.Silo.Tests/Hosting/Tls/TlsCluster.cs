using Crm.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.TestingHost;

namespace Crm.Silo.Tests.Hosting.Tls;

/// <summary>
/// Real Orleans silos in one process, each with its own <c>Cluster:Tls</c> settings applied through the extension the
/// service uses. Silos are given their settings in the order they start.
/// </summary>
public sealed class TlsCluster : IAsyncDisposable
{
    private readonly InProcessTestCluster _cluster;
    private readonly List<ClusterTlsSettings> _nodes;
    private readonly List<ConnectionLog> _logs;

    private TlsCluster(InProcessTestCluster cluster, List<ClusterTlsSettings> nodes, List<ConnectionLog> logs)
    {
        _cluster = cluster;
        _nodes = nodes;
        _logs = logs;
    }

    public static async Task<TlsCluster> StartAsync(params ClusterTlsSettings[] nodes)
    {
        var settings = nodes.ToList();
        var logs = new List<ConnectionLog>();
        var configured = 0;
        var builder = new InProcessTestClusterBuilder((short)nodes.Length);
        // The cluster's own client would connect through a gateway, which now asks it for a certificate too.
        builder.Options.InitializeClientOnDeploy = false;
        builder.ConfigureSilo((_, silo) =>
        {
            var node = Interlocked.Increment(ref configured) - 1;
            silo.UseClusterTls(settings[node]);
            var log = new ConnectionLog();
            lock (logs)
            {
                logs.Add(log);
            }

            silo.Services.AddSingleton<ILoggerProvider>(log);
            if (node >= nodes.Length)
            {
                // A node that cannot reach the others keeps trying to join for MaxJoinAttemptTime; shorter here so the
                // test ends sooner. The cluster's own nodes keep the defaults.
                silo.Configure<ClusterMembershipOptions>(membership => membership.MaxJoinAttemptTime = TimeSpan.FromSeconds(5));
            }
        });
        var cluster = builder.Build();
        try
        {
            await cluster.DeployAsync();
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return new TlsCluster(cluster, settings, logs);
    }

    public IGrainFactory GrainsOn(int index) => _cluster.Silos[index].ServiceProvider.GetRequiredService<IGrainFactory>();

    public SiloAddress AddressOf(int index) => _cluster.Silos[index].SiloAddress;

    /// <summary>Starts one more silo with <paramref name="node"/>'s settings, which must join the cluster to start.</summary>
    public Task JoinAsync(ClusterTlsSettings node)
    {
        _nodes.Add(node);
        return _cluster.StartAdditionalSiloAsync();
    }

    /// <summary>What the connection-security layer of the silo started <paramref name="order"/>th (from 0) logged.</summary>
    public IReadOnlyCollection<string> ConnectionLogOf(int order)
    {
        lock (_logs)
        {
            return _logs[order].Entries;
        }
    }

    /// <summary>The silos the cluster's membership counts as active, as silo <paramref name="index"/> sees them.</summary>
    public async Task<SiloAddress[]> ActiveSilosSeenBy(int index)
    {
        var hosts = await GrainsOn(index).GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        return [.. hosts.Keys];
    }

    public async ValueTask DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
    }
}
