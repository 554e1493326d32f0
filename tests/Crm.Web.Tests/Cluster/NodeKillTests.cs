using Crm.Testing;
using Crm.Web.Tests.Dashboard;
using Crm.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Crm.Web.Tests.Cluster;

/// <summary>
/// Three nodes as separate processes over one PostgreSQL database, adapters posting through all three, and a node
/// SIGKILLed at a random point three times (started again in between). The cluster declares it dead, its grains come back
/// elsewhere, the adapters retry what was not acknowledged, and nothing acknowledged is lost or counted twice.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class NodeKillTests(PostgresTestDatabase postgres, ITestOutputHelper output) : IClassFixture<PostgresTestDatabase>
{
    private const int Nodes = 3;

    /// <summary>The node the watching dashboard stays on; the others are the ones killed.</summary>
    private const int DashboardNode = 0;

    [Fact]
    public async Task Nodes_killed_under_load_lose_no_acknowledged_event_and_count_no_retry_twice()
    {
        var load = new ClusterLoad(output, "kill", minPerCustomer: 8, maxPerCustomer: 20, spread: TimeSpan.FromSeconds(90));
        await using var nodes = new ClusterNodes(postgres.ConnectionString, Nodes);
        await nodes.StartAllAsync();
        await using var watching = await HubSocketClient.ConnectAsync(nodes.Node(DashboardNode).Address, RunningService.AdminKey);
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        load.Start(nodes, stop.Token);
        var pushesAtKills = new List<int>();

        foreach (var share in new[] { 0.2, 0.45, 0.7 })
        {
            await load.AcknowledgedAsync(share);
            Assert.False(load.Done, "the load ended before the kills did: nothing flowed while a node was lost");
            var victim = 1 + load.Random.Next(Nodes - 1);
            await using var onVictim = await HubSocketClient.ConnectAsync(nodes.Node(victim).Address, RunningService.AdminKey);
            await Task.Delay(load.Random.Next(0, 200));
            pushesAtKills.Add(watching.Received.Count);
            await nodes.KillAsync(victim);
            output.WriteLine($"killed node {victim} at {load.Ledger.Count} of {load.Events.Count} acknowledged");

            await Task.WhenAny(onVictim.Closed, Task.Delay(TimeSpan.FromSeconds(30)));
            Assert.True(onVictim.Closed.IsCompleted, "the dashboard on the killed node was not disconnected");
            await using var reconnected = await HubSocketClient.ConnectAsync(nodes.Node((victim + 1) % Nodes).Address, RunningService.AdminKey);

            await nodes.StartAsync(victim);
        }

        await load.FinishAsync();

        // From each kill to the next, and from the last to the end: calls to a killed node's grains wait until the
        // cluster declares it dead, so the load (and what there is to push) pauses for that long after each kill.
        var pushesBetweenKills = pushesAtKills.Zip(pushesAtKills.Skip(1).Append(watching.Received.Count), (from, to) => to - from).ToList();
        output.WriteLine($"{load.Events.Count} events: {load.Ledger.Accepted} accepted, {load.Ledger.Duplicates} duplicate, {load.Retries} retries; dashboard pushes between kills: {string.Join(", ", pushesBetweenKills)}");

        Assert.All(pushesBetweenKills, pushes => Assert.True(pushes > 0, "the dashboard on a surviving node stopped receiving pushes"));
        await load.AssertEveryEventCountedOnceAsync(nodes, postgres.ConnectionString);
    }
}
