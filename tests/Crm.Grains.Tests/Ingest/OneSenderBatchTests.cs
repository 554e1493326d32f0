using Crm.Grains.Customers;
using Crm.Grains.Identities;
using Crm.Grains.Ingest;
using Crm.Grains.Merge;
using Crm.Grains.ReadModel;
using Crm.Grains.Tests.Infrastructure;
using Crm.Grains.Workspaces;
using Crm.Silo.Storage;
using Crm.Testing;

namespace Crm.Grains.Tests.Ingest;

/// <summary>One sender's events of one request: applied in order in one customer turn, stored in one commit, each with its own outcome.</summary>
public sealed class OneSenderBatchTests(PostgresTestDatabase postgres) : IClassFixture<PostgresTestDatabase>
{
    private const string Workspace = "batch";
    private const string Sender = "bulk@example.com";

    public static TheoryData<string> Stores => ["memory", "postgres"];

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_thousand_orders_of_one_customer_land_in_one_commit_in_order(string store)
    {
        await using var silo = await CrmSilo.StartAsync(store == "postgres" ? new PostgresStateStorage(postgres.ConnectionString) : new MemoryStateStorage());
        var orders = Enumerable.Range(0, 1000).Select(i => Events.Order(Channel.Email, Sender, CrmSilo.Start.AddSeconds(i), $"order-{i:D4}", 2m)).ToArray();

        var results = await silo.Ingestor().IngestManyAsync(Workspace, orders);

        Assert.All(results, result => Assert.Equal(IngestStatus.Accepted, result.Status));
        var customerId = Assert.Single(results.Select(result => result.CustomerId).Distinct());
        var view = (await silo.Grains.GetGrain<ICustomerGrain>(WorkspaceKeys.Compose(Workspace, customerId!)).Get())!;
        Assert.Equal(1000, view.Orders);
        Assert.Equal(2000m, view.LifetimeValue);
        var stored = await silo.Storage.ReadAsync(new StateKey("customer.customer", WorkspaceKeys.Compose(Workspace, customerId!)), CancellationToken.None);
        Assert.Equal(1, stored!.Version);
        var timeline = await CustomerRecordQueries.For(silo.Storage).TimelineAsync(Workspace, customerId!, beforeSequence: null, limit: 2000);
        var placed = timeline.Where(row => row.Kind == "order_placed").OrderBy(row => row.Sequence).Select(row => row.Summary.Split(':')[0]);
        Assert.Equal(orders.Select(order => $"order {order.OrderId}"), placed);

        var retried = await silo.Ingestor().IngestManyAsync(Workspace, orders);

        Assert.All(retried, result => Assert.Equal(IngestStatus.Duplicate, result.Status));
        Assert.Equal(1, (await silo.Storage.ReadAsync(new StateKey("customer.customer", WorkspaceKeys.Compose(Workspace, customerId!)), CancellationToken.None))!.Version);
    }

    [Fact]
    public async Task Accepted_duplicate_and_rejected_events_of_one_batch_keep_their_own_outcomes()
    {
        await using var silo = await CrmSilo.StartAsync();
        var first = Events.Message(Channel.Email, Sender, CrmSilo.Start, text: "hi");
        var badScore = Events.Csat(Channel.Email, Sender, CrmSilo.Start.AddSeconds(1), 9);
        var repeated = first with { OccurredAt = CrmSilo.Start.AddSeconds(2) };
        var order = Events.Order(Channel.Email, Sender, CrmSilo.Start.AddSeconds(3), "o-1", 10m);

        var results = await silo.Ingestor().IngestManyAsync(Workspace, [first, badScore, repeated, order]);

        Assert.Equal([IngestStatus.Accepted, IngestStatus.Rejected, IngestStatus.Duplicate, IngestStatus.Accepted], results.Select(result => result.Status));
        Assert.Equal("score", results[1].Error!.Field);
        var view = (await silo.Grains.GetGrain<ICustomerGrain>(WorkspaceKeys.Compose(Workspace, results[0].CustomerId!)).Get())!;
        Assert.Equal(1, view.Messages);
        Assert.Equal(1, view.Orders);
        Assert.Equal(0, view.CsatCount);
    }

    [Fact]
    public async Task An_event_that_breaks_a_rule_against_the_state_left_by_earlier_ones_is_rejected_and_the_rest_apply()
    {
        await using var silo = await CrmSilo.StartAsync();
        var full = Enumerable.Range(0, 100).ToDictionary(i => $"a{i}", i => AttributeValue.Of(i));
        var fill = Events.Identify(Channel.Email, Sender, CrmSilo.Start, new Traits { Attributes = full });
        var overflow = Events.Identify(Channel.Email, Sender, CrmSilo.Start.AddSeconds(1), new Traits
        {
            Profile = new ProfilePatch { Name = "Ada" },
            Attributes = new Dictionary<string, AttributeValue> { ["one_more"] = AttributeValue.Of("x") },
        });
        var message = Events.Message(Channel.Email, Sender, CrmSilo.Start.AddSeconds(2));

        var results = await silo.Ingestor().IngestManyAsync(Workspace, [fill, overflow, message]);

        Assert.Equal([IngestStatus.Accepted, IngestStatus.Rejected, IngestStatus.Accepted], results.Select(result => result.Status));
        Assert.Equal("traits.attributes", results[1].Error!.Field);
        var view = (await silo.Grains.GetGrain<ICustomerGrain>(WorkspaceKeys.Compose(Workspace, results[0].CustomerId!)).Get())!;
        Assert.Equal(100, view.Attributes.Count);
        Assert.Null(view.Profile.Name);
        Assert.Equal(1, view.Messages);
    }

    [Fact]
    public async Task An_id_whose_first_occurrence_was_refused_counts_when_it_comes_again_in_the_batch()
    {
        await using var silo = await CrmSilo.StartAsync();
        var full = Enumerable.Range(0, 100).ToDictionary(i => $"a{i}", i => AttributeValue.Of(i));
        var fill = Events.Identify(Channel.Email, Sender, CrmSilo.Start, new Traits { Attributes = full });
        var overflow = Events.Identify(Channel.Email, Sender, CrmSilo.Start.AddSeconds(1), new Traits
        {
            Attributes = new Dictionary<string, AttributeValue> { ["one_more"] = AttributeValue.Of("x") },
        });
        var corrected = overflow with { Traits = new Traits { Profile = new ProfilePatch { Name = "Ada" } } };

        var results = await silo.Ingestor().IngestManyAsync(Workspace, [fill, overflow, corrected, corrected]);

        Assert.Equal([IngestStatus.Accepted, IngestStatus.Rejected, IngestStatus.Accepted, IngestStatus.Duplicate], results.Select(result => result.Status));
        Assert.Equal("Ada", (await silo.Grains.GetGrain<ICustomerGrain>(WorkspaceKeys.Compose(Workspace, results[0].CustomerId!)).Get())!.Profile.Name);
    }

    [Fact]
    public async Task A_batch_for_a_merged_customer_reaches_its_survivor_whole()
    {
        await using var silo = await CrmSilo.StartAsync();
        var ingestor = silo.Ingestor();
        var loser = (await ingestor.IngestAsync(Workspace, Events.Message(Channel.Email, "old@example.com", CrmSilo.Start))).CustomerId!;
        var survivor = (await ingestor.IngestAsync(Workspace, Events.Message(Channel.Email, Sender, CrmSilo.Start))).CustomerId!;
        await silo.Grains.GetGrain<IMergeGrain>(MergeKeys.For(Workspace, survivor, loser)).Merge(survivor, loser, "agent:test", dryRun: false);
        var orders = Enumerable.Range(0, 5).Select(i => Events.Order(Channel.Email, "old@example.com", CrmSilo.Start.AddMinutes(i), $"m-{i}", 1m)).ToArray();

        var results = await silo.Grains.GetGrain<ICustomerGrain>(WorkspaceKeys.Compose(Workspace, loser))
            .ApplyMany(orders, new ChannelIdentity(Channel.Email, "old@example.com"), new WorkspaceSettings());

        Assert.All(results, receipt => Assert.Equal(new EventReceipt(EventOutcome.Accepted, survivor), receipt));
        Assert.Equal(5, (await silo.Grains.GetGrain<ICustomerGrain>(WorkspaceKeys.Compose(Workspace, survivor)).Get())!.Orders);
    }
}
