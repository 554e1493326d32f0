using Crm.Grains.Customers;
using Crm.Grains.Identities;
using Crm.Grains.Ingest;
using Crm.Grains.Merge;
using Crm.Grains.ReadModel;
using Crm.Grains.Tests.Infrastructure;
using Crm.Grains.Validation;
using Crm.Silo.Storage;
using Orleans;

namespace Crm.Grains.Tests.Cluster;

/// <summary>Two silos forming one cluster over one store, as two nodes over one database: calls enter through either.</summary>
public sealed class TwoSiloTests
{
    private const string Workspace = "acme";

    [Fact]
    public async Task One_customers_events_arriving_through_both_silos_end_in_one_customer_with_exact_counters()
    {
        await using var silo = await CrmSilo.StartClusterAsync(2);
        var ingestors = new[] { silo.IngestorOn(0), silo.IngestorOn(1) };
        var events = Enumerable.Range(0, 200)
            .Select(i => Events.Message(Channel.Whatsapp, "+44 20 7946 0958", CrmSilo.Start.AddSeconds(i), conversation: $"conv-{i % 4}"))
            .ToArray();

        // Every event is sent through both silos at once: each must count once, whichever silo got it first.
        var results = await Task.WhenAll(events.SelectMany(@event => ingestors.Select(ingestor => ingestor.IngestAsync(Workspace, @event))));

        var customerIds = results.Select(result => result.CustomerId).Distinct().ToArray();
        var view = await silo.GrainsOn(1).GetGrain<ICustomerGrain>($"{Workspace}/{Assert.Single(customerIds)}").Get();
        Assert.Equal(200, results.Count(result => result.Status == IngestStatus.Accepted));
        Assert.Equal(200, results.Count(result => result.Status == IngestStatus.Duplicate));
        Assert.Equal(200, view!.Messages);
        Assert.Equal(4, view.Conversations);
        Assert.Single(((MemoryStateStorage)silo.Storage).Store.Rows.Table(CustomerRowWriter.MemoryTable));
    }

    [Fact]
    public async Task A_merge_of_customers_active_on_different_silos_completes_exactly_once()
    {
        await using var silo = await CrmSilo.StartClusterAsync(2);
        var survivorId = await silo.SendAsync(Workspace, Events.Order(Channel.Email, "ana@example.com", CrmSilo.Start, "o-1", 40m));
        var duplicateId = await silo.SendAsync(Workspace, Events.Order(Channel.Sms, "+44 20 7946 0959", CrmSilo.Start, "o-2", 60m));
        var survivor = silo.GrainsOn(0).GetGrain<ICustomerGrain>($"{Workspace}/{survivorId}");
        var duplicate = silo.GrainsOn(0).GetGrain<ICustomerGrain>($"{Workspace}/{duplicateId}");
        await silo.PlaceOnAsync(survivor, 0);
        await silo.PlaceOnAsync(duplicate, 1);

        var key = MergeKeys.For(Workspace, survivorId, duplicateId);
        var merges = await Task.WhenAll(
            silo.GrainsOn(0).GetGrain<IMergeGrain>(key).Merge(survivorId, duplicateId, "agent:one", dryRun: false),
            silo.GrainsOn(1).GetGrain<IMergeGrain>(key).Merge(survivorId, duplicateId, "agent:two", dryRun: false));

        var merged = (await silo.GrainsOn(1).GetGrain<ICustomerGrain>($"{Workspace}/{duplicateId}").Get())!;
        Assert.All(merges, result => Assert.Equal(survivorId, result.Survivor.Id));
        Assert.Equal(survivorId, merged.Id);
        Assert.Equal(2, merged.Orders);
        Assert.Equal(100m, merged.LifetimeValue);
        var owner = await silo.GrainsOn(1).GetGrain<IIdentityGrain>(IdentityKey.For(Workspace, new ChannelIdentity(Channel.Sms, "+442079460959"))).Owner();
        Assert.Equal(survivorId, owner);
        Assert.Single(((MemoryStateStorage)silo.Storage).Store.Rows.Table(CustomerRowWriter.MemoryTable));
    }

    [Fact]
    public async Task A_refusal_raised_on_the_other_silo_arrives_with_its_field_and_rule()
    {
        await using var silo = await CrmSilo.StartClusterAsync(2);
        var id = await silo.SendAsync(Workspace, Events.Message(Channel.Email, "bea@example.com", CrmSilo.Start));
        var customer = silo.GrainsOn(0).GetGrain<ICustomerGrain>($"{Workspace}/{id}");
        await silo.PlaceOnAsync(customer, 1);

        var refused = await Assert.ThrowsAsync<DomainValidationException>(() => customer.UpdateProfile(new ProfilePatch { Email = "not an email" }, "agent:test"));
        var missing = await Assert.ThrowsAsync<CustomerNotFoundException>(() => silo.GrainsOn(0).GetGrain<ICustomerGrain>($"{Workspace}/nobody").AddNote("agent:test", "hello"));

        Assert.Equal("email", refused.Error.Field);
        Assert.False(string.IsNullOrEmpty(refused.Error.Rule));
        Assert.Equal("nobody", missing.CustomerId);
    }
}
