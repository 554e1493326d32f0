using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Web.Tests.Durability;
using Crm.Web.Tests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;

namespace Crm.Web.Tests.Cluster;

/// <summary>
/// Adapters posting a planned load through every node of a cluster, and what must hold once it is all acknowledged:
/// every customer's counters equal its events exactly, every identity belongs to one customer, and the list, the stat
/// cards and a SQL count agree.
/// </summary>
public sealed class ClusterLoad
{
    public const int Customers = 240;
    private const int Adapters = 6;
    private const int BatchSize = 20;

    private readonly RetryingAdapter[] _adapters;
    private Task[] _runs = [];

    /// <param name="spread">How long the adapters take to post everything at the least, so that traffic flows through what the test does meanwhile.</param>
    public ClusterLoad(ITestOutputHelper output, string name, int minPerCustomer, int maxPerCustomer, TimeSpan spread = default)
    {
        var seed = Environment.TickCount;
        output.WriteLine($"{name} seed {seed}");
        Random = new Random(seed);
        var senders = Enumerable.Range(0, Customers).Select(n => n % 2 == 0 ? Sender.Email(name, n) : Sender.Whatsapp(n)).ToArray();
        Events = EventPlan.For(Random, senders, minPerCustomer, maxPerCustomer, DateTimeOffset.UtcNow, name);
        var pause = spread / Math.Max(1, Events.Count / (Adapters * BatchSize));
        _adapters = EventPlan.Deal(Random, Events, Adapters).Select((share, i) => new RetryingAdapter(share, Ledger, BatchSize, i, pause)).ToArray();
    }

    public Random Random { get; }

    public List<PlannedEvent> Events { get; }

    public AckLedger Ledger { get; } = new();

    public int Retries => _adapters.Sum(adapter => adapter.Retries);

    public bool Done => _runs.All(run => run.IsCompleted);

    public void Start(ClusterNodes nodes, CancellationToken cancellationToken) =>
        _runs = _adapters.Select(adapter => Task.Run(() => adapter.RunAsync(nodes, cancellationToken))).ToArray();

    public Task FinishAsync() => Task.WhenAll(_runs);

    /// <summary>Waits until <paramref name="share"/> of the events are acknowledged (or the adapters are done).</summary>
    public async Task AcknowledgedAsync(double share)
    {
        var patience = Stopwatch.StartNew();
        while (Ledger.Count < share * Events.Count && !Done)
        {
            if (patience.Elapsed > TimeSpan.FromMinutes(3))
            {
                throw new TimeoutException($"Only {Ledger.Count} of {share * Events.Count:0} acknowledgements in 3 minutes.");
            }

            await Task.Delay(10);
        }
    }

    public async Task AssertEveryEventCountedOnceAsync(ClusterNodes nodes, string connectionString)
    {
        Assert.Empty(Ledger.Problems);
        Assert.All(Events, e => Assert.True(Ledger.IsAcknowledged(e.Id), $"{e.Id} was never acknowledged"));
        var customers = new List<JsonElement>();
        var senders = Events.GroupBy(e => e.Sender).ToArray();
        for (var i = 0; i < senders.Length; i++)
        {
            var sent = senders[i];
            var ids = sent.Select(e => Ledger.Of(e.Id).CustomerId).Distinct().ToArray();
            Assert.True(ids.Length == 1, $"{sent.Key} was acknowledged for {ids.Length} customers: {string.Join(", ", ids)}");
            var customer = await nodes.ClientOf(i % nodes.Count)!.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{ids[0]}");
            Assert.Equal(ExpectedCounters.Of(sent), ExpectedCounters.From(customer));
            customers.Add(customer);
        }

        Assert.Equal(Customers, customers.Select(ReadModelAgreement.Id).Distinct().Count());
        await ReadModelAgreement.AssertListAndStatsAgreeAsync(nodes.ClientOf(0)!, connectionString, customers);
        Assert.Equal(Customers, await CountAsync(connectionString, "SELECT count(*) FROM crm_customers"));
        Assert.Equal(Customers, await CountAsync(connectionString, "SELECT count(*) FROM crm_grain_state WHERE grain_type = 'customer.customer'"));

        // One identity per sender, each owned by its own customer: no identity made two customers or belongs to two.
        Assert.Equal(Customers, await CountAsync(connectionString, "SELECT count(*) FROM crm_grain_state WHERE grain_type = 'identity.identity'"));
        Assert.Equal(Customers, await CountAsync(connectionString, "SELECT count(DISTINCT payload->>'ownerId') FROM crm_grain_state WHERE grain_type = 'identity.identity'"));
    }

    private static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
