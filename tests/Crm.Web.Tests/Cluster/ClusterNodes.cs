using Crm.Web.Tests.Durability;
using Crm.Web.Tests.Infrastructure;

namespace Crm.Web.Tests.Cluster;

/// <summary>
/// Nodes of one cluster, each a service process on 127.0.0.1 over one PostgreSQL database. A slot keeps its place when its
/// node is killed and started again, so adapters can go on round-robin over whatever is up.
/// </summary>
public sealed class ClusterNodes(string connectionString, int count) : IAsyncDisposable
{
    public static readonly TimeSpan ReadyWithin = TimeSpan.FromSeconds(120);

    private readonly string _clusterId = $"nodes-{Guid.NewGuid():N}";
    private readonly ServiceProcess?[] _nodes = new ServiceProcess?[count];
    private readonly NodePorts[] _ports = Enumerable.Range(0, count).Select(_ => NodePorts.Free()).ToArray();
    private readonly HttpClient?[] _clients = new HttpClient?[count];

    public int Count => count;

    public async Task StartAllAsync()
    {
        // One node first creates the schema and the default workspace; the others join it.
        await StartAsync(0);
        await Task.WhenAll(Enumerable.Range(1, count - 1).Select(StartAsync));
    }

    public async Task StartAsync(int slot)
    {
        var node = await ServiceProcess.StartAsync(connectionString, ReadyWithin, _ports[slot], $"--Cluster:Id={_clusterId}");
        _clients[slot] = node.ClientWith(RunningService.AdminKey);
        Volatile.Write(ref _nodes[slot], node);
    }

    public ServiceProcess Node(int slot) => _nodes[slot] ?? throw new InvalidOperationException($"Node {slot} is not running.");

    /// <summary>The admin client of the node in <paramref name="slot"/>, or null while it is down.</summary>
    public HttpClient? ClientOf(int slot) => Volatile.Read(ref _nodes[slot]) is { Killed: false } ? _clients[slot] : null;

    public async Task KillAsync(int slot)
    {
        var node = Node(slot);
        await node.KillAsync();
        await DropAsync(slot, node);
    }

    public async Task StopAsync(int slot)
    {
        var node = Node(slot);
        await node.StopAsync(TimeSpan.FromSeconds(60));
        await DropAsync(slot, node);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes.OfType<ServiceProcess>())
        {
            await node.DisposeAsync();
        }
    }

    private async Task DropAsync(int slot, ServiceProcess node)
    {
        Volatile.Write(ref _nodes[slot], null);
        await node.DisposeAsync();
    }
}
