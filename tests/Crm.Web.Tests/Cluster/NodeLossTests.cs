using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Testing;
using Crm.Web.Tests.Dashboard;
using Crm.Web.Tests.Durability;
using Crm.Web.Tests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;

namespace Crm.Web.Tests.Cluster;

/// <summary>
/// Three nodes as separate processes over one PostgreSQL database, with adapters posting through all three. Nodes are
/// SIGKILLed at random points (and started again), or stopped gracefully as a rolling restart does; at the end every
/// customer's counters must equal its events exactly, every identity must belong to one customer, and the list, the stat
/// cards and a SQL count must agree.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class NodeLossTests(PostgresTestDatabase postgres, ITestOutputHelper output) : IClassFixture<PostgresTestDatabase>
{
    private const int Nodes = 3;
    private const int Customers = 240;
    private const int Adapters = 6;
    private const int BatchSize = 20;

    /// <summary>The node the watching dashboard stays on; the others are the ones stopped.</summary>
    private const int DashboardNode = 0;

    [Fact]
    public async Task Nodes_killed_under_load_lose_no_acknowledged_event_and_count_no_retry_twice()
    {
        var random = SeededRandom("kill");
        var (events, ledger) = Plan(random, "kill");
        await using var nodes = new ClusterNodes(postgres.ConnectionString, Nodes);
        await nodes.StartAllAsync();
        await using var watching = await HubSocketClient.ConnectAsync(nodes.Node(DashboardNode).Address, RunningService.AdminKey);
        var adapters = Deal(random, events, ledger);
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        var runs = adapters.Select(adapter => Task.Run(() => adapter.RunAsync(nodes, stop.Token))).ToArray();
        var pushesBetweenKills = new List<int>();

        foreach (var share in new[] { 0.2, 0.45, 0.7 })
        {
            await WaitForAsync(() => ledger.Count >= share * events.Count || runs.All(run => run.IsCompleted), TimeSpan.FromMinutes(3), "acknowledgements");
            var victim = 1 + random.Next(Nodes - 1);
            await using var onVictim = await HubSocketClient.ConnectAsync(nodes.Node(victim).Address, RunningService.AdminKey);
            await Task.Delay(random.Next(0, 200));
            var pushesBefore = watching.Received.Count;
            await nodes.KillAsync(victim);
            output.WriteLine($"killed node {victim} at {ledger.Count} of {events.Count} acknowledged");

            await Task.WhenAny(onVictim.Closed, Task.Delay(TimeSpan.FromSeconds(30)));
            Assert.True(onVictim.Closed.IsCompleted, "the dashboard on the killed node was not disconnected");
            await using var reconnected = await HubSocketClient.ConnectAsync(nodes.Node((victim + 1) % Nodes).Address, RunningService.AdminKey);

            await nodes.StartAsync(victim);
            pushesBetweenKills.Add(watching.Received.Count - pushesBefore);
        }

        await Task.WhenAll(runs);
        output.WriteLine($"{events.Count} events: {ledger.Accepted} accepted, {ledger.Duplicates} duplicate, {adapters.Sum(a => a.Retries)} retries; dashboard pushes between kills: {string.Join(", ", pushesBetweenKills)}");

        Assert.All(pushesBetweenKills, pushes => Assert.True(pushes > 0, "the dashboard on a surviving node stopped receiving pushes"));
        await AssertEveryEventCountedOnceAsync(nodes, events, ledger);
    }

    [Fact]
    public async Task A_rolling_restart_under_load_loses_no_acknowledged_event_and_leaves_no_write_behind()
    {
        var random = SeededRandom("rolling");
        var (events, ledger) = Plan(random, "rolling");
        await using var nodes = new ClusterNodes(postgres.ConnectionString, Nodes);
        await nodes.StartAllAsync();
        var adapters = Deal(random, events, ledger);
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        var runs = adapters.Select(adapter => Task.Run(() => adapter.RunAsync(nodes, stop.Token))).ToArray();

        for (var slot = 0; slot < Nodes; slot++)
        {
            await WaitForAsync(() => ledger.Count >= (slot + 1) * events.Count / (Nodes + 1) || runs.All(run => run.IsCompleted), TimeSpan.FromMinutes(3), "acknowledgements");
            await nodes.StopAsync(slot);
            output.WriteLine($"stopped node {slot} gracefully at {ledger.Count} of {events.Count} acknowledged");
            await nodes.StartAsync(slot);
        }

        await Task.WhenAll(runs);
        await AssertEveryEventCountedOnceAsync(nodes, events, ledger);
    }

    private Random SeededRandom(string name)
    {
        var seed = Environment.TickCount;
        output.WriteLine($"{name} seed {seed}");
        return new Random(seed);
    }

    private static (List<PlannedEvent> Events, AckLedger Ledger) Plan(Random random, string prefix)
    {
        var senders = Enumerable.Range(0, Customers).Select(n => n % 2 == 0 ? Sender.Email(prefix, n) : Sender.Whatsapp(n)).ToArray();
        return (EventPlan.For(random, senders, min: 8, max: 20, DateTimeOffset.UtcNow, prefix), new AckLedger());
    }

    private static RetryingAdapter[] Deal(Random random, List<PlannedEvent> events, AckLedger ledger) =>
        EventPlan.Deal(random, events, Adapters).Select((share, i) => new RetryingAdapter(share, ledger, BatchSize, i % Nodes)).ToArray();

    private static async Task WaitForAsync(Func<bool> condition, TimeSpan within, string what)
    {
        var patience = Stopwatch.StartNew();
        while (!condition())
        {
            if (patience.Elapsed > within)
            {
                throw new TimeoutException($"No {what} within {within}.");
            }

            await Task.Delay(10);
        }
    }

    private async Task AssertEveryEventCountedOnceAsync(ClusterNodes nodes, List<PlannedEvent> events, AckLedger ledger)
    {
        Assert.Empty(ledger.Problems);
        Assert.All(events, e => Assert.True(ledger.IsAcknowledged(e.Id), $"{e.Id} was never acknowledged"));
        var customers = new List<JsonElement>();
        for (var slot = 0; slot < nodes.Count; slot++)
        {
            var client = nodes.ClientOf(slot)!;
            foreach (var sent in events.GroupBy(e => e.Sender).Where((_, i) => i % nodes.Count == slot))
            {
                var ids = sent.Select(e => ledger.Of(e.Id).CustomerId).Distinct().ToArray();
                Assert.True(ids.Length == 1, $"{sent.Key} was acknowledged for {ids.Length} customers: {string.Join(", ", ids)}");
                var customer = await client.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{ids[0]}");
                Assert.Equal(ExpectedCounters.Of(sent), ExpectedCounters.From(customer));
                customers.Add(customer);
            }
        }

        Assert.Equal(Customers, customers.Select(ReadModelAgreement.Id).Distinct().Count());
        await ReadModelAgreement.AssertListAndStatsAgreeAsync(nodes.ClientOf(DashboardNode)!, postgres.ConnectionString, customers);
        Assert.Equal(Customers, await CountAsync("SELECT count(*) FROM crm_customers"));
        Assert.Equal(Customers, await CountAsync("SELECT count(*) FROM crm_grain_state WHERE grain_type = 'customer.customer'"));

        // One identity per sender, each owned by its own customer: no identity made two customers or belongs to two.
        Assert.Equal(Customers, await CountAsync("SELECT count(*) FROM crm_grain_state WHERE grain_type = 'identity.identity'"));
        Assert.Equal(Customers, await CountAsync("SELECT count(DISTINCT payload->>'ownerId') FROM crm_grain_state WHERE grain_type = 'identity.identity'"));
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(postgres.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
