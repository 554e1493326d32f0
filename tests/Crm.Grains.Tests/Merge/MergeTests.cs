using Crm.Grains.Customers;
using Crm.Grains.Identities;
using Crm.Grains.Ingest;
using Crm.Grains.Merge;
using Crm.Grains.ReadModel;
using Crm.Grains.Tests.Infrastructure;
using Crm.Grains.Workspaces;
using Crm.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Grains.Tests.Merge;

public sealed class MergeTests
{
    private const string Workspace = "acme";

    [Fact]
    public async Task The_survivor_keeps_its_fields_fills_gaps_sums_counters_and_takes_over_the_identities()
    {
        await using var silo = await CrmSilo.StartAsync();
        var survivor = await Send(silo, Events.Identify(Channel.Email, "eva@example.com", CrmSilo.Start, new Traits { Profile = new ProfilePatch { Name = "Eva Lima" } }));
        await Send(silo, Events.Order(Channel.Email, "eva@example.com", CrmSilo.Start.AddHours(1), "o-1", 100m));
        var duplicate = await Send(silo, Events.Identify(Channel.Whatsapp, "+55 21 99999 1234", CrmSilo.Start.AddDays(-3), new Traits
        {
            Profile = new ProfilePatch { Name = "Eva L.", Company = "Lima Design" },
        }));
        await Send(silo, Events.Order(Channel.Whatsapp, "+55 21 99999 1234", CrmSilo.Start.AddHours(2), "o-2", 50m));
        await silo.Grains.GetGrain<ICustomerGrain>($"{Workspace}/{duplicate}").AddTags(["wholesale"], "agent:test");

        var result = await Merge(silo, survivor, duplicate);
        var afterward = await Send(silo, Events.Message(Channel.Whatsapp, "+55 21 99999 1234", CrmSilo.Start.AddHours(3), "hi again"));

        Assert.Equal(survivor, result.Survivor.Id);
        Assert.Equal("Eva Lima", result.Survivor.Profile.Name);
        Assert.Equal("Lima Design", result.Survivor.Profile.Company);
        Assert.Equal(2, result.Survivor.Orders);
        Assert.Equal(150m, result.Survivor.LifetimeValue);
        Assert.Equal(CrmSilo.Start.AddDays(-3), result.Survivor.FirstSeen);
        Assert.Contains("wholesale", result.Survivor.Tags);
        Assert.Equal(2, result.Survivor.Identities.Count);
        Assert.Equal(survivor, afterward);
        Assert.Equal(survivor, await silo.Grains.GetGrain<IIdentityGrain>(IdentityKey.For(Workspace, new ChannelIdentity(Channel.Whatsapp, "+5521999991234"))).Owner());
        Assert.Equal(survivor, (await silo.Grains.GetGrain<ICustomerGrain>($"{Workspace}/{duplicate}").Get())!.Id);
        AssertStatsMatchRows(silo);
    }

    [Fact]
    public async Task Events_streaming_to_both_customers_during_the_merge_are_all_counted_once()
    {
        await using var silo = await CrmSilo.StartAsync();
        var ingestor = silo.Ingestor();
        var survivor = await Send(silo, Events.Message(Channel.Email, "fay@example.com", CrmSilo.Start, conversation: "a"));
        var duplicate = await Send(silo, Events.Message(Channel.Sms, "+1 415 555 0199", CrmSilo.Start, conversation: "b"));
        var sent = Enumerable.Range(0, 1000)
            .Select(i => i % 2 == 0
                ? Events.Message(Channel.Email, "fay@example.com", CrmSilo.Start.AddSeconds(i), conversation: "a")
                : Events.Message(Channel.Sms, "+1 415 555 0199", CrmSilo.Start.AddSeconds(i), conversation: "b"))
            .ToArray();

        // Five waves of 200; the merge runs during the first, and every event of a wave is also sent a second time within
        // it, as an adapter resends what it has not seen acknowledged (well within the customer's window of recent events).
        var merged = Task.Run(() => Merge(silo, survivor, duplicate));
        var outcomes = new List<IngestResult>();
        for (var wave = 0; wave < 5; wave++)
        {
            var current = sent.Skip(wave * 200).Take(200);
            outcomes.AddRange(await Task.WhenAll(current.Concat(current).Select(@event => Task.Run(() => ingestor.IngestAsync(Workspace, @event)))));
        }

        await merged;

        Assert.DoesNotContain(outcomes, outcome => outcome.Status == IngestStatus.Rejected);
        Assert.Equal(1000, outcomes.Count(outcome => outcome.Status == IngestStatus.Accepted));
        var customer = (await silo.Grains.GetGrain<ICustomerGrain>($"{Workspace}/{survivor}").Get())!;
        Assert.Equal(1002, customer.Messages);
        AssertStatsMatchRows(silo);
    }

    [Fact]
    public async Task A_chain_of_merges_resolves_calls_for_the_first_customer_to_the_last_survivor()
    {
        await using var silo = await CrmSilo.StartAsync();
        var a = await Send(silo, Events.Message(Channel.Email, "a@example.com", CrmSilo.Start));
        var b = await Send(silo, Events.Message(Channel.Email, "b@example.com", CrmSilo.Start));
        var c = await Send(silo, Events.Message(Channel.Email, "c@example.com", CrmSilo.Start));

        await Merge(silo, b, a);
        await Merge(silo, c, b);
        var viaA = await silo.Grains.GetGrain<ICustomerGrain>($"{Workspace}/{a}").Get();
        var eventForA = await Send(silo, Events.Message(Channel.Email, "a@example.com", CrmSilo.Start.AddHours(1)));

        Assert.Equal(c, viaA!.Id);
        Assert.Equal(c, eventForA);
        Assert.Equal(4, (await silo.Grains.GetGrain<ICustomerGrain>($"{Workspace}/{c}").Get())!.Messages);
    }

    [Fact]
    public async Task Opposing_merges_started_together_end_with_one_survivor_and_no_deadlock()
    {
        await using var silo = await CrmSilo.StartAsync();
        var a = await Send(silo, Events.Message(Channel.Email, "ann@example.com", CrmSilo.Start));
        var b = await Send(silo, Events.Message(Channel.Email, "ben@example.com", CrmSilo.Start));

        var outcomes = await Task.WhenAll(
            Task.Run(() => Attempt(silo, a, b)),
            Task.Run(() => Attempt(silo, b, a))).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Single(outcomes, outcome => outcome.Succeeded);
        Assert.Single(outcomes, outcome => outcome.Error is MergeRefusedException);
        var statuses = await Task.WhenAll(new[] { a, b }.Select(id => silo.Grains.GetGrain<ICustomerGrain>($"{Workspace}/{id}").Status()));
        Assert.Single(statuses, status => status.IsLive);
        AssertStatsMatchRows(silo);
    }

    [Theory]
    [InlineData(MergePhase.Started)]
    [InlineData(MergePhase.DuplicateRetired)]
    [InlineData(MergePhase.Absorbed)]
    [InlineData(MergePhase.IdentitiesRepointed)]
    public async Task A_merge_interrupted_after_any_step_completes_exactly_once_after_reactivation(MergePhase crashAfter)
    {
        var storage = new MemoryStateStorage();
        string survivor, duplicate;
        await using (var crashing = await CrmSilo.StartAsync(storage, services => services.AddSingleton<IMergeFaults>(new CrashAfterMergePhase(crashAfter))))
        {
            survivor = await Send(crashing, Events.Order(Channel.Email, "gil@example.com", CrmSilo.Start, "o-1", 70m));
            duplicate = await Send(crashing, Events.Order(Channel.Sms, "+44 20 7946 0001", CrmSilo.Start, "o-2", 30m));
            await Assert.ThrowsAsync<SimulatedCrashException>(() => Merge(crashing, survivor, duplicate));
        }

        await using var restarted = await CrmSilo.StartAsync(new MemoryStateStorage(storage.Store));
        var result = await Merge(restarted, survivor, duplicate);
        var again = await Merge(restarted, survivor, duplicate);

        Assert.Equal(2, result.Survivor.Orders);
        Assert.Equal(100m, result.Survivor.LifetimeValue);
        Assert.Equal(2, again.Survivor.Orders);
        Assert.Equal(survivor, await Send(restarted, Events.Csat(Channel.Sms, "+44 20 7946 0001", CrmSilo.Start.AddHours(1), 4)));
        AssertStatsMatchRows(restarted);

        // A resumed merge lets its survivor go: it can itself be merged into another customer afterwards.
        var later = await Send(restarted, Events.Message(Channel.Email, "gil.work@example.com", CrmSilo.Start.AddHours(2)));
        var last = await Merge(restarted, later, survivor);
        Assert.Equal(later, last.Survivor.Id);
        Assert.Equal(2, last.Survivor.Orders);
    }

    [Fact]
    public async Task Self_merge_and_a_customer_from_another_workspace_are_refused_with_a_clear_error()
    {
        await using var silo = await CrmSilo.StartAsync();
        var here = await Send(silo, Events.Message(Channel.Email, "hal@example.com", CrmSilo.Start));
        var elsewhere = (await silo.Ingestor().IngestAsync("globex", Events.Message(Channel.Email, "ida@example.com", CrmSilo.Start))).CustomerId!;

        var self = await Assert.ThrowsAsync<MergeRefusedException>(() => Merge(silo, here, here));
        var foreign = await Assert.ThrowsAsync<CustomerNotFoundException>(() => Merge(silo, here, elsewhere));

        Assert.Contains("itself", self.Message);
        Assert.Equal(elsewhere, foreign.CustomerId);
        Assert.True((await silo.Grains.GetGrain<ICustomerGrain>($"globex/{elsewhere}").Status()).IsLive);
    }

    [Fact]
    public async Task A_dry_run_shows_the_merged_profile_and_changes_nothing()
    {
        await using var silo = await CrmSilo.StartAsync();
        var survivor = await Send(silo, Events.Order(Channel.Email, "joe@example.com", CrmSilo.Start, "o-1", 10m));
        var duplicate = await Send(silo, Events.Order(Channel.Email, "joseph@example.com", CrmSilo.Start, "o-2", 20m));

        var preview = await silo.Grains.GetGrain<IMergeGrain>(MergeKeys.For(Workspace, survivor, duplicate)).Merge(survivor, duplicate, "agent:test", dryRun: true);

        Assert.True(preview.DryRun);
        Assert.Equal(30m, preview.Survivor.LifetimeValue);
        Assert.Equal(10m, (await silo.Grains.GetGrain<ICustomerGrain>($"{Workspace}/{survivor}").Get())!.LifetimeValue);
        Assert.True((await silo.Grains.GetGrain<ICustomerGrain>($"{Workspace}/{duplicate}").Status()).IsLive);
    }

    [Fact]
    public async Task An_order_both_customers_reported_counts_once_after_the_merge()
    {
        await using var silo = await CrmSilo.StartAsync();
        var a = await Send(silo, Events.Order(Channel.Email, "zoe@example.com", CrmSilo.Start, "o-1", 100m));
        var b = await Send(silo, Events.Order(Channel.Whatsapp, "+1 415 555 0111", CrmSilo.Start, "o-1", 100m));

        var merged = (await Merge(silo, a, b)).Survivor;

        Assert.Single(merged.RecentOrders);
        Assert.Equal(1, merged.Orders);
        Assert.Equal(100m, merged.LifetimeValue);
    }

    [Fact]
    public async Task Retries_of_every_merged_customer_s_events_are_recognised_after_many_merges()
    {
        const int EventsEach = 300;
        await using var silo = await CrmSilo.StartAsync();
        async Task<string> Fill(string email)
        {
            string id = null!;
            for (var i = 0; i < EventsEach; i++)
            {
                id = await Send(silo, Events.Message(Channel.Email, email, CrmSilo.Start.AddSeconds(i), id: $"{email}-{i}"));
            }

            return id;
        }

        var survivor = await Fill("s@example.com");
        for (var k = 0; k < 4; k++)
        {
            await Merge(silo, survivor, await Fill($"d{k}@example.com"));
        }

        var before = await silo.Grains.GetGrain<ICustomerGrain>(WorkspaceKeys.Compose(Workspace, survivor)).Get();
        foreach (var email in new[] { "s@example.com", "d0@example.com", "d3@example.com" })
        {
            for (var i = 0; i < EventsEach; i++)
            {
                var retry = await silo.Ingestor().IngestAsync(Workspace, Events.Message(Channel.Email, email, CrmSilo.Start.AddSeconds(i), id: $"{email}-{i}"));
                Assert.Equal(IngestStatus.Duplicate, retry.Status);
            }
        }

        var after = await silo.Grains.GetGrain<ICustomerGrain>(WorkspaceKeys.Compose(Workspace, survivor)).Get();
        Assert.Equal(5 * EventsEach, after!.Messages);
        Assert.Equal(before!.Messages, after.Messages);
    }

    private static Task<MergeResult> Merge(CrmSilo silo, string survivor, string duplicate) =>
        silo.Grains.GetGrain<IMergeGrain>(MergeKeys.For(Workspace, survivor, duplicate)).Merge(survivor, duplicate, "agent:test", dryRun: false);

    private static async Task<(bool Succeeded, Exception? Error)> Attempt(CrmSilo silo, string survivor, string duplicate)
    {
        try
        {
            await Merge(silo, survivor, duplicate);
            return (true, null);
        }
        catch (Exception error)
        {
            return (false, error);
        }
    }

    private static Task<string> Send(CrmSilo silo, EngagementEvent @event) => silo.SendAsync(Workspace, @event);

    private static void AssertStatsMatchRows(CrmSilo silo)
    {
        var rows = ((MemoryStateStorage)silo.Storage).Store.Rows;
        var customers = rows.Table(CustomerRowWriter.MemoryTable).Values.Cast<CustomerSnapshot>().ToArray();
        var stats = (StatsCounts)rows.Table(StatsDeltaWriter.MemoryTable)[Workspace];
        Assert.Equal(customers.Length, stats.All);
        Assert.Equal(customers.Count(c => c.Lifecycle == Lifecycle.Active), stats.Active);
        Assert.Equal(customers.Count(c => c.Intent == Crm.Grains.Intents.Intent.SalesOpportunity), stats.SalesOpportunities);
    }
}
