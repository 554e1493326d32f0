using Crm.Bench.Ingest;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans;
using Orleans.Runtime;

namespace Crm.Bench.Cluster;

/// <summary>
/// Nodes of one Orleans cluster, each the real service on Kestrel at 127.0.0.1 with its own silo, all in this process
/// over one PostgreSQL database with one cluster id, as separate services started with the same settings would be.
/// Each node's connection pool is capped at <see cref="ConnectionsPerNode"/> whatever the node count, so three nodes
/// stay within a PostgreSQL server that other work shares (Npgsql's default of 100 per node exhausted its 300 slots).
/// </summary>
public sealed class BenchCluster : IAsyncDisposable
{
    public const int ConnectionsPerNode = 40;

    private static readonly TimeSpan JoinedWithin = TimeSpan.FromSeconds(120);

    private readonly List<EngineService> _nodes = [];

    private BenchCluster()
    {
    }

    public IReadOnlyList<EngineService> Nodes => _nodes;

    public IReadOnlyList<Uri> Addresses => _nodes.Select(node => node.Address).ToArray();

    public static async Task<BenchCluster> StartAsync(string connectionString, int nodes)
    {
        var cluster = new BenchCluster();
        connectionString = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = ConnectionsPerNode }.ConnectionString;
        var settings = new[] { $"--Cluster:Id=bench-{Guid.NewGuid():N}" };
        try
        {
            // The first node creates the schema and the default workspace; the others join it.
            cluster._nodes.Add(await EngineService.StartAsync(connectionString, settings));
            cluster._nodes.AddRange(await Task.WhenAll(Enumerable.Range(1, nodes - 1).Select(_ => EngineService.StartAsync(connectionString, settings))));
            await cluster.WaitUntilJoinedAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Until every node's membership view holds every node as active, so the first grains are placed on all of them.</summary>
    private async Task WaitUntilJoinedAsync()
    {
        using var timeout = new CancellationTokenSource(JoinedWithin);
        foreach (var node in _nodes)
        {
            var management = node.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
            while ((await management.GetHosts(onlyActive: true)).Count < _nodes.Count)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), timeout.Token);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = _nodes.Count - 1; i >= 0; i--)
        {
            await _nodes[i].DisposeAsync();
        }
    }
}
