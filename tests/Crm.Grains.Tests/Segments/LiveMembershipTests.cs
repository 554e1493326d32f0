using Crm.Grains.Customers;
using Crm.Grains.Identities;
using Crm.Grains.Ingest;
using Crm.Grains.Segments;
using Crm.Grains.Tests.Infrastructure;

namespace Crm.Grains.Tests.Segments;

public sealed class LiveMembershipTests
{
    private const string Workspace = "acme";

    [Fact]
    public async Task Rule_segment_membership_follows_every_customer_change_and_counts_stay_live()
    {
        await using var silo = await CrmSilo.StartAsync();
        var segment = await silo.Grains.GetGrain<ISegmentCatalogGrain>(Workspace).Create(new SegmentDraft { Name = "Big spenders", Kind = SegmentKind.Rule, Rule = "ltv >= 100" });
        var counter = silo.Grains.GetGrain<ISegmentGrain>($"{Workspace}/{segment.Id}");
        var ingestor = silo.Ingestor();

        var rich = (await ingestor.IngestAsync(Workspace, Events.Order(Channel.Email, "rich@example.com", CrmSilo.Start, "o-1", 150m))).CustomerId!;
        await ingestor.IngestAsync(Workspace, Events.Order(Channel.Email, "thrifty@example.com", CrmSilo.Start, "o-2", 20m));
        var afterOrders = await counter.CountMembers();
        await ingestor.IngestAsync(Workspace, Events.Refund(Channel.Email, "rich@example.com", CrmSilo.Start.AddHours(1), "o-1", 100m));

        Assert.Equal(1, afterOrders);
        Assert.Equal(0, await counter.CountMembers());
        Assert.DoesNotContain(segment.Id, (await silo.Grains.GetGrain<ICustomerGrain>($"{Workspace}/{rich}").Get())!.Segments);
    }

    [Fact]
    public async Task Static_membership_is_added_and_removed_by_hand_and_listed_on_the_customer()
    {
        await using var silo = await CrmSilo.StartAsync();
        var catalog = silo.Grains.GetGrain<ISegmentCatalogGrain>(Workspace);
        var vip = await catalog.Create(new SegmentDraft { Name = "Trade show leads", Kind = SegmentKind.Static });
        var ruled = await catalog.Create(new SegmentDraft { Name = "Everyone", Kind = SegmentKind.Rule, Rule = "messages >= 0" });
        var id = (await silo.Ingestor().IngestAsync(Workspace, Events.Message(Channel.Email, "nia@example.com", CrmSilo.Start))).CustomerId!;
        var customer = silo.Grains.GetGrain<ICustomerGrain>($"{Workspace}/{id}");

        var added = await customer.AddToSegment(vip.Id, "agent:test");
        var countWhileMember = await silo.Grains.GetGrain<ISegmentGrain>($"{Workspace}/{vip.Id}").CountMembers();
        var refused = await Assert.ThrowsAsync<Crm.Grains.Validation.DomainValidationException>(() => customer.AddToSegment(ruled.Id, "agent:test"));
        var removed = await customer.RemoveFromSegment(vip.Id, "agent:test");

        Assert.Contains(vip.Id, added.Segments);
        Assert.Equal(1, countWhileMember);
        Assert.Equal("segmentId", refused.Error.Field);
        Assert.DoesNotContain(vip.Id, removed.Segments);
        Assert.Contains(ruled.Id, removed.Segments);
    }
}
