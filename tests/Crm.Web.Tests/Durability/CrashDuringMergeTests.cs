using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Grains.Merge;
using Crm.Testing;
using Crm.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Crm.Web.Tests.Durability;

/// <summary>
/// Merges in flight when the service is SIGKILLed, three times at random moments, while the customers being merged keep
/// writing. After each restart the adapters retry what was not acknowledged and the agent retries the merges it did not
/// see acknowledged: every merge must complete exactly once, with nothing lost and nothing counted twice.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class CrashDuringMergeTests(PostgresTestDatabase postgres, ITestOutputHelper output) : IClassFixture<PostgresTestDatabase>
{
    private const int PairsPerRound = 6;
    private const int MessagesDuringMerge = 4;

    /// <summary>Each round draws its kill delay from a later range, so the kills find merges at different steps.</summary>
    private static readonly (int From, int To)[] KillDelayMilliseconds = [(0, 40), (40, 120), (120, 300)];

    private static int Rounds => KillDelayMilliseconds.Length;

    private static readonly TimeSpan ReadyWithin = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Merges_cut_off_by_SIGKILL_complete_exactly_once_when_retried_and_the_duplicates_identities_lead_to_the_survivor()
    {
        var seed = Environment.TickCount;
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        var pairs = Enumerable.Range(0, Rounds * PairsPerRound).Select(p => new MergePair(Sender.Email("keep", p), Sender.Whatsapp(p))).ToArray();
        var senders = pairs.Select(pair => pair.Survivor).Concat(pairs.Select(pair => pair.Duplicate)).ToArray();
        var now = DateTimeOffset.UtcNow;
        var before = EventPlan.For(random, senders, min: 6, max: 14, now, "base");
        var during = EventPlan.Messages(random, senders, MessagesDuringMerge, now, "during", conversationPrefix: "base");
        var ledger = new AckLedger();
        var interrupted = 0;
        var ports = NodePorts.Free();

        var service = await ServiceProcess.StartAsync(postgres.ConnectionString, ReadyWithin, ports);
        try
        {
            using (var client = service.ClientWith(RunningService.AdminKey))
            {
                await new ChannelAdapter(before, ledger, batchSize: 50).RunAsync(service, client);
            }

            foreach (var pair in pairs)
            {
                pair.SurvivorId = CustomerOf(pair.Survivor, before, ledger);
                pair.DuplicateId = CustomerOf(pair.Duplicate, before, ledger);
            }

            for (var round = 0; round < Rounds; round++)
            {
                var merging = pairs.Skip(round * PairsPerRound).Take(PairsPerRound).ToArray();
                var writing = during.Where(e => merging.Any(pair => pair.Survivor == e.Sender || pair.Duplicate == e.Sender)).ToArray();
                var adapters = EventPlan.Deal(random, writing, 2).Select(share => new ChannelAdapter(share, ledger, batchSize: 4)).ToArray();

                using (var client = service.ClientWith(RunningService.AdminKey))
                {
                    var writes = adapters.Select(adapter => Task.Run(() => adapter.RunAsync(service, client))).ToArray();
                    var merges = merging.Select(pair => Task.Run(() => pair.MergeAsync(service, client))).ToArray();
                    var delay = random.Next(KillDelayMilliseconds[round].From, KillDelayMilliseconds[round].To);
                    var started = Stopwatch.StartNew();
                    await Task.WhenAny(Task.Delay(delay), Task.WhenAny(merges));
                    var killedAfter = started.ElapsedMilliseconds;
                    await service.KillAsync();
                    await Task.WhenAll(writes);
                    await Task.WhenAll(merges);
                    Assert.Equal(128 + 9, service.ExitCode);

                    var phases = await StoredGrains.MergePhasesAsync(postgres.ConnectionString, ReadModelAgreement.Workspace);
                    interrupted += merging.Count(pair => !pair.Acknowledged);
                    output.WriteLine(
                        $"round {round}: killed after {killedAfter} ms (drawn {delay} ms); {merging.Count(pair => pair.Acknowledged)} of {merging.Length} merges acknowledged; " +
                        $"stored merge phases: {string.Join(", ", phases.GroupBy(phase => phase).OrderBy(group => group.Key).Select(group => $"{group.Key} {group.Count()}"))}");
                }

                await service.DisposeAsync();
                service = await ServiceProcess.StartAsync(postgres.ConnectionString, ReadyWithin, ports);
                using (var client = service.ClientWith(RunningService.AdminKey))
                {
                    // As in production: the adapters resume at once, before an agent gets round to retrying a merge.
                    await Task.WhenAll(adapters.Select(adapter => adapter.RunAsync(service, client)));
                    foreach (var pair in merging.Where(pair => !pair.Acknowledged).Concat(merging.Where(pair => pair.Acknowledged).Take(2)))
                    {
                        Assert.True(await pair.MergeAsync(service, client), $"retrying the merge of {pair.DuplicateId} into {pair.SurvivorId} failed");
                    }
                }
            }

            output.WriteLine($"{interrupted} of {pairs.Length} merges were cut off by a kill; {ledger.Duplicates} events stored before a kill were retried");
            Assert.Empty(ledger.Problems);
            Assert.True(interrupted > 0, "every merge was acknowledged before its kill: no kill landed while merges were in flight");
            using var verifier = service.ClientWith(RunningService.AdminKey);
            await AssertMergedExactlyOnceAsync(verifier, pairs, [.. before, .. during], ledger);
        }
        finally
        {
            await service.DisposeAsync();
        }
    }

    private async Task AssertMergedExactlyOnceAsync(HttpClient client, IReadOnlyList<MergePair> pairs, IReadOnlyList<PlannedEvent> events, AckLedger ledger)
    {
        Assert.All(events, e => Assert.True(ledger.IsAcknowledged(e.Id), $"{e.Id} was never acknowledged"));
        var probes = new List<PlannedEvent>();
        foreach (var pair in pairs)
        {
            var viaDuplicate = await client.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{pair.DuplicateId}");
            Assert.Equal(pair.SurvivorId, viaDuplicate.GetProperty("id").GetString());
            Assert.Equal(pair.SurvivorId, viaDuplicate.GetProperty("mergedInto").GetString());

            var survivor = await client.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{pair.SurvivorId}");
            Assert.Equal(JsonValueKind.Null, survivor.GetProperty("mergedInto").ValueKind);
            Assert.Equal(ExpectedCounters.Of(events.Where(e => e.Sender == pair.Survivor || e.Sender == pair.Duplicate)), ExpectedCounters.From(survivor));
            var phone = pair.Duplicate.Identity.Replace(" ", string.Empty, StringComparison.Ordinal);
            Assert.Contains(survivor.GetProperty("identities").EnumerateArray(), identity => identity.GetProperty("value").GetString() == phone);
            Assert.Equal(pair.SurvivorId, await StoredGrains.IdentityOwnerAsync(postgres.ConnectionString, ReadModelAgreement.Workspace, pair.Duplicate.Channel, phone));
            probes.Add(PlannedEvent.Message($"after-{pair.DuplicateId}", pair.Duplicate, DateTimeOffset.UtcNow, "after-restart", "Is my merged account still there?"));
        }

        var answers = (await ChannelAdapter.PostAsync(client, probes)).GetProperty("results");
        var survivors = new List<JsonElement>();
        foreach (var (pair, answer) in pairs.Zip(answers.EnumerateArray()))
        {
            Assert.Equal("accepted", answer.GetProperty("status").GetString());
            Assert.Equal(pair.SurvivorId, answer.GetProperty("customerId").GetString());
            var survivor = await client.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{pair.SurvivorId}");
            Assert.Equal(events.Count(e => e.Type == "message_received" && (e.Sender == pair.Survivor || e.Sender == pair.Duplicate)) + 1, survivor.GetProperty("messages").GetInt32());
            survivors.Add(survivor);
        }

        await ReadModelAgreement.AssertListAndStatsAgreeAsync(client, postgres.ConnectionString, survivors);
    }

    private static string CustomerOf(Sender sender, IEnumerable<PlannedEvent> events, AckLedger ledger) =>
        ledger.Of(events.First(e => e.Sender == sender).Id).CustomerId;
}
