using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Testing;
using Crm.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Crm.Web.Tests.Durability;

/// <summary>
/// The service as a child process under eight adapters, SIGKILLed at several points of the load and started again on the
/// same database each time. Whatever it acknowledged must be there after each kill, every retry must count once, and in the
/// end every customer's counters must equal exactly the events sent for it.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class CrashDuringIngestTests(PostgresTestDatabase postgres, ITestOutputHelper output) : IClassFixture<PostgresTestDatabase>
{
    private const int Customers = 300;
    private const int Adapters = 8;
    private const int BatchSize = 20;
    private const int ResentPerRestart = 60;

    /// <summary>The share of all events acknowledged when each kill comes.</summary>
    private static readonly double[] KillPoints = [0.15, 0.45, 0.75];

    private static readonly TimeSpan ReadyWithin = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Every_acknowledged_event_survives_SIGKILLs_mid_load_and_every_retry_counts_once()
    {
        var seed = Environment.TickCount;
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        var senders = Enumerable.Range(0, Customers).Select(n => n % 2 == 0 ? Sender.Email("crash", n) : Sender.Whatsapp(n)).ToArray();
        var events = EventPlan.For(random, senders, min: 10, max: 30, DateTimeOffset.UtcNow, "ingest");
        var ledger = new AckLedger();
        var adapters = EventPlan.Deal(random, events, Adapters).Select(share => new ChannelAdapter(share, ledger, BatchSize)).ToArray();
        var cutOff = 0;
        var ports = NodePorts.Free();

        foreach (var killPoint in KillPoints)
        {
            await using var service = await ServiceProcess.StartAsync(postgres.ConnectionString, ReadyWithin, ports);
            using var client = service.ClientWith(RunningService.AdminKey);
            await ResendAcknowledgedAsync(client, ledger, events, random);

            var runs = adapters.Select(adapter => Task.Run(() => adapter.RunAsync(service, client))).ToArray();
            await WaitForAcknowledgementsAsync(ledger, (int)(killPoint * events.Count), runs, service);
            await Task.Delay(random.Next(0, 20));
            var acknowledgedAtKill = ledger.Count;
            await service.KillAsync();
            await Task.WhenAll(runs);

            Assert.Equal(128 + 9, service.ExitCode);
            cutOff = adapters.Sum(adapter => adapter.CutOffRequests);
            output.WriteLine($"killed at {acknowledgedAtKill} of {events.Count} acknowledged; requests cut off so far: {cutOff}; retries answered duplicate so far: {ledger.Duplicates}");
        }

        await using (var service = await ServiceProcess.StartAsync(postgres.ConnectionString, ReadyWithin, ports))
        {
            using var client = service.ClientWith(RunningService.AdminKey);
            await ResendAcknowledgedAsync(client, ledger, events, random);
            await Task.WhenAll(adapters.Select(adapter => Task.Run(() => adapter.RunAsync(service, client))));
            output.WriteLine($"{events.Count} events: {ledger.Accepted} answers accepted, {ledger.Duplicates} duplicate (stored before a kill, acknowledgement lost)");

            Assert.Empty(ledger.Problems);
            Assert.All(events, e => Assert.True(ledger.IsAcknowledged(e.Id), $"{e.Id} was never acknowledged"));
            Assert.True(cutOff > 0, "no request was in flight at any kill: the kills did not land mid-load");
            await AssertCountersMatchEventsAsync(client, ledger, events);
        }
    }

    /// <summary>
    /// Sends again a sample of what was acknowledged before the last kill: every one must answer "duplicate" for the same
    /// customer. One answered "accepted" was acknowledged before it was durable, and the kill lost it.
    /// </summary>
    private static async Task ResendAcknowledgedAsync(HttpClient client, AckLedger ledger, IReadOnlyList<PlannedEvent> events, Random random)
    {
        var acknowledged = events.Where(e => ledger.IsAcknowledged(e.Id)).ToArray();
        random.Shuffle(acknowledged);
        var sample = acknowledged.Take(ResentPerRestart).ToArray();
        if (sample.Length == 0)
        {
            return;
        }

        var results = (await ChannelAdapter.PostAsync(client, sample)).GetProperty("results");
        Assert.All(sample.Select((e, i) => (Event: e, Result: results[i])), pair =>
        {
            Assert.True(
                pair.Result.GetProperty("status").GetString() == "duplicate",
                $"{pair.Event.Id} was acknowledged before the kill but answers {pair.Result} when sent again");
            Assert.Equal(ledger.Of(pair.Event.Id).CustomerId, pair.Result.GetProperty("customerId").GetString());
        });
    }

    private static async Task WaitForAcknowledgementsAsync(AckLedger ledger, int target, Task[] runs, ServiceProcess service)
    {
        var patience = Stopwatch.StartNew();
        while (ledger.Count < target)
        {
            if (runs.All(run => run.IsCompleted))
            {
                await Task.WhenAll(runs);
                throw new InvalidOperationException($"The adapters stopped at {ledger.Count} acknowledgements, before the kill at {target}.");
            }

            if (patience.Elapsed > TimeSpan.FromMinutes(3))
            {
                throw new TimeoutException($"Only {ledger.Count} of {target} acknowledgements in 3 minutes:{Environment.NewLine}{service.RecentOutput}");
            }

            await Task.Delay(5);
        }
    }

    private async Task AssertCountersMatchEventsAsync(HttpClient client, AckLedger ledger, IReadOnlyList<PlannedEvent> events)
    {
        var customers = new List<JsonElement>();
        foreach (var sent in events.GroupBy(e => e.Sender))
        {
            var ids = sent.Select(e => ledger.Of(e.Id).CustomerId).Distinct().ToArray();
            Assert.True(ids.Length == 1, $"{sent.Key} was acknowledged for {ids.Length} customers: {string.Join(", ", ids)}");
            var customer = await client.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{ids[0]}");
            Assert.Equal(ExpectedCounters.Of(sent), ExpectedCounters.From(customer));
            customers.Add(customer);
        }

        Assert.Equal(Customers, customers.Count);
        await ReadModelAgreement.AssertListAndStatsAgreeAsync(client, postgres.ConnectionString, customers);
        output.WriteLine($"{customers.Count} customers: counters, list rows and stat cards agree ({JsonSerializer.Serialize(ReadModelAgreement.Cards(await client.GetFromJsonAsync<JsonElement>("/api/v1/stats")))})");
    }
}
