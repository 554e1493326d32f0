using Crm.Testing;
using Crm.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Crm.Web.Tests.Cluster;

/// <summary>
/// A rolling restart: each of three nodes is stopped gracefully (SIGTERM) and started again while adapters post through
/// all of them. A stopping node finishes its writes before it leaves, so nothing acknowledged is lost and nothing is left
/// unwritten.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class RollingRestartTests(PostgresTestDatabase postgres, ITestOutputHelper output) : IClassFixture<PostgresTestDatabase>
{
    private const int Nodes = 3;

    [Fact]
    public async Task A_rolling_restart_under_load_loses_no_acknowledged_event_and_leaves_no_write_behind()
    {
        var load = new ClusterLoad(output, "rolling", minPerCustomer: 10, maxPerCustomer: 25, spread: TimeSpan.FromMinutes(2));
        await using var nodes = new ClusterNodes(postgres.ConnectionString, Nodes);
        await nodes.StartAllAsync();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        load.Start(nodes, stop.Token);

        for (var slot = 0; slot < Nodes; slot++)
        {
            await load.AcknowledgedAsync(0.1 + 0.25 * slot);
            var acknowledgedAtStop = load.Ledger.Count;
            await nodes.StopAsync(slot);
            output.WriteLine($"stopped node {slot} gracefully at {acknowledgedAtStop} of {load.Events.Count} acknowledged");
            Assert.False(load.Done, "the load ended before the rolling restart did: nothing flowed while a node stopped");
            await nodes.StartAsync(slot);
        }

        await load.FinishAsync();
        output.WriteLine($"{load.Events.Count} events: {load.Ledger.Accepted} accepted, {load.Ledger.Duplicates} duplicate, {load.Retries} retries");
        await load.AssertEveryEventCountedOnceAsync(nodes, postgres.ConnectionString);
    }
}
