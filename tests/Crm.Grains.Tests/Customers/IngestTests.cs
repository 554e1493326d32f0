using Crm.Grains.Customers;
using Crm.Grains.Identities;
using Crm.Grains.Ingest;
using Crm.Grains.ReadModel;
using Crm.Grains.Tests.Infrastructure;
using Crm.Grains.Workspaces;
using Crm.Silo.Storage;

namespace Crm.Grains.Tests.Customers;

public sealed class IngestTests
{
    private const string Workspace = "acme";

    [Fact]
    public async Task A_thousand_concurrent_first_events_for_one_identity_create_exactly_one_customer()
    {
        await using var silo = await CrmSilo.StartAsync();
        var ingestor = silo.Ingestor();
        var at = CrmSilo.Start;

        var results = await Task.WhenAll(Enumerable.Range(0, 1000).Select(i =>
            Task.Run(() => ingestor.IngestAsync(Workspace, Events.Message(Channel.Whatsapp, "+55 11 98765-4321", at.AddSeconds(i), conversation: "c1")))));

        Assert.All(results, result => Assert.Equal(IngestStatus.Accepted, result.Status));
        Assert.Single(results.Select(result => result.CustomerId).Distinct());
        var customer = await silo.Grains.GetGrain<ICustomerGrain>($"{Workspace}/{results[0].CustomerId}").Get();
        Assert.Equal(1000, customer!.Messages);
        Assert.Equal(1, customer.Conversations);
        Assert.Equal("+5511987654321", customer.Profile.Phone);
        Assert.Single(((MemoryStateStorage)silo.Storage).Store.Rows.Table(CustomerRowWriter.MemoryTable));
    }

    [Fact]
    public async Task The_same_event_applied_twice_counts_once()
    {
        await using var silo = await CrmSilo.StartAsync();
        var ingestor = silo.Ingestor();
        var order = Events.Order(Channel.Email, "ana@example.com", CrmSilo.Start, "o-1", 120m);

        var first = await ingestor.IngestAsync(Workspace, order);
        var retried = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => ingestor.IngestAsync(Workspace, order)));

        Assert.Equal(IngestStatus.Accepted, first.Status);
        Assert.All(retried, result => Assert.Equal(IngestStatus.Duplicate, result.Status));
        var customer = await silo.Grains.GetGrain<ICustomerGrain>($"{Workspace}/{first.CustomerId}").Get();
        Assert.Equal(1, customer!.Orders);
        Assert.Equal(120m, customer.LifetimeValue);
    }

    [Fact]
    public async Task Counters_conversations_csat_and_orders_follow_the_events()
    {
        await using var silo = await CrmSilo.StartAsync();
        var ingestor = silo.Ingestor();
        var at = CrmSilo.Start;
        const string Ana = "Ana@Example.com ";

        foreach (var @event in new[]
        {
            Events.Message(Channel.Email, Ana, at, "Hi, where is my parcel?", "c1"),
            Events.Message(Channel.Email, Ana, at.AddMinutes(5), "Any news?", "c1"),
            Events.Closed(Channel.Email, Ana, at.AddMinutes(30), "c1"),
            Events.Message(Channel.Email, Ana, at.AddDays(1), "New question", "c2"),
            Events.Csat(Channel.Email, Ana, at.AddDays(1), 5),
            Events.Csat(Channel.Email, Ana, at.AddDays(1), 2),
            Events.Order(Channel.Email, Ana, at.AddDays(2), "o-1", 80m),
            Events.Order(Channel.Email, Ana, at.AddDays(3), "o-2", 40m),
            Events.Refund(Channel.Email, Ana, at.AddDays(4), "o-2", 40m),
        })
        {
            Assert.Equal(IngestStatus.Accepted, (await ingestor.IngestAsync(Workspace, @event)).Status);
        }

        var owner = await silo.Grains.GetGrain<IIdentityGrain>(IdentityKey.For(Workspace, new ChannelIdentity(Channel.Email, "ana@example.com"))).Owner();
        var customer = (await silo.Grains.GetGrain<ICustomerGrain>($"{Workspace}/{owner}").Get())!;
        Assert.Equal(3, customer.Messages);
        Assert.Equal(2, customer.Conversations);
        Assert.Equal(ConversationStatus.Closed, customer.RecentConversations.Single(c => c.Id == "c1").Status);
        Assert.Equal("New question", customer.RecentConversations.Single(c => c.Id == "c2").LastSnippet);
        Assert.Equal(3.5, customer.CsatAverage);
        Assert.Equal(2, customer.Orders);
        Assert.Equal(80m, customer.LifetimeValue);
        Assert.Equal(Lifecycle.Customer, customer.Lifecycle);
        Assert.Equal("ana@example.com", customer.Profile.Email);
        Assert.Equal(at.AddDays(3), customer.LastActive);
    }

    [Fact]
    public async Task A_rejected_event_names_the_rule_and_changes_nothing()
    {
        await using var silo = await CrmSilo.StartAsync();
        var ingestor = silo.Ingestor();

        var badScore = await ingestor.IngestAsync(Workspace, Events.Csat(Channel.Email, "bo@example.com", CrmSilo.Start, 9));
        var junkIdentity = await ingestor.IngestAsync(Workspace, Events.Message(Channel.Whatsapp, "000000000", CrmSilo.Start));

        Assert.Equal(new Crm.Grains.Validation.ValidationError("score", "must be an integer from 1 to 5"), badScore.Error);
        Assert.Equal("identity", junkIdentity.Error!.Field);
        Assert.Empty(((MemoryStateStorage)silo.Storage).Store.Rows.Table(CustomerRowWriter.MemoryTable));
    }

    [Fact]
    public async Task Identify_cannot_carry_more_attributes_than_a_customer_may_hold()
    {
        await using var silo = await CrmSilo.StartAsync();
        var attributes = Enumerable.Range(0, 500).ToDictionary(i => $"a{i}", i => AttributeValue.Of(i));

        var result = await silo.Ingestor().IngestAsync(Workspace, Events.Identify(Channel.Email, "big@example.com", CrmSilo.Start, new Traits { Attributes = attributes }));

        Assert.Equal("traits.attributes", result.Error!.Field);
    }

    [Fact]
    public async Task Workspaces_never_share_customers_even_for_the_same_identity()
    {
        await using var silo = await CrmSilo.StartAsync();
        var ingestor = silo.Ingestor();

        var inAcme = await ingestor.IngestAsync("acme", Events.Message(Channel.Email, "same@example.com", CrmSilo.Start));
        var inGlobex = await ingestor.IngestAsync("globex", Events.Message(Channel.Email, "same@example.com", CrmSilo.Start));

        Assert.NotEqual(inAcme.CustomerId, inGlobex.CustomerId);
        Assert.Null(await silo.Grains.GetGrain<ICustomerGrain>($"globex/{inAcme.CustomerId}").Get());
    }

    [Fact]
    public async Task Identify_links_new_identities_and_suggests_a_duplicate_for_one_owned_by_another_customer()
    {
        await using var silo = await CrmSilo.StartAsync();
        var ingestor = silo.Ingestor();
        var other = await ingestor.IngestAsync(Workspace, Events.Message(Channel.Email, "carla@example.com", CrmSilo.Start));
        var widget = await ingestor.IngestAsync(Workspace, Events.Message(Channel.Widget, "sess-42", CrmSilo.Start));

        var identify = await ingestor.IngestAsync(Workspace, Events.Identify(Channel.Widget, "sess-42", CrmSilo.Start.AddMinutes(1), new Traits
        {
            Profile = new ProfilePatch { Name = "Carla Dias", Company = "Dias & Filhos" },
            Identities = [new ChannelIdentity(Channel.Email, "Carla@Example.com"), new ChannelIdentity(Channel.Instagram, "@CarlaDias")],
            Attributes = new Dictionary<string, AttributeValue> { ["plan"] = AttributeValue.Of("premium") },
        }));

        Assert.Equal(IngestStatus.Accepted, identify.Status);
        var customer = (await silo.Grains.GetGrain<ICustomerGrain>($"{Workspace}/{widget.CustomerId}").Get())!;
        Assert.Equal("Carla Dias", customer.Profile.Name);
        Assert.Contains(new ChannelIdentity(Channel.Instagram, "carladias"), customer.Identities);
        Assert.DoesNotContain(customer.Identities, identity => identity.Channel == Channel.Email);
        Assert.Equal("premium", customer.Attributes["plan"].Text);
        var suggestion = Assert.IsType<DuplicateSuggestionRow>(Assert.Single(((MemoryStateStorage)silo.Storage).Store.Rows.Table(DuplicateSuggestionWriter.MemoryTable).Values));
        Assert.Equal((widget.CustomerId, other.CustomerId, "email", "carla@example.com"), (suggestion.CustomerId, suggestion.OtherCustomerId, suggestion.Channel, suggestion.Value));
        Assert.Equal(other.CustomerId, await silo.Grains.GetGrain<IIdentityGrain>(IdentityKey.For(Workspace, new ChannelIdentity(Channel.Email, "carla@example.com"))).Owner());
    }

    [Fact]
    public async Task The_timeline_records_what_happened_in_the_read_model_not_every_message()
    {
        await using var silo = await CrmSilo.StartAsync();
        var ingestor = silo.Ingestor();
        var at = CrmSilo.Start;

        var first = await ingestor.IngestAsync(Workspace, Events.Message(Channel.Sms, "+1 415 555 0100", at, "hi", "c1"));
        await ingestor.IngestAsync(Workspace, Events.Message(Channel.Sms, "+1 415 555 0100", at.AddMinutes(1), "still there?", "c1"));
        await ingestor.IngestAsync(Workspace, Events.Order(Channel.Sms, "+1 415 555 0100", at.AddMinutes(2), "o-9", 15m));

        var kinds = ((MemoryStateStorage)silo.Storage).Store.Rows.Table(TimelineRowWriter.MemoryTable)
            .OrderBy(entry => entry.Key, StringComparer.Ordinal)
            .Select(entry => (TimelineRow)entry.Value)
            .Where(row => row.CustomerId == first.CustomerId)
            .Select(row => row.Kind)
            .ToArray();
        Assert.Equal(["customer_created", "conversation_opened", "order_placed", "lifecycle_changed"], kinds.Where(kind => kind != "intent_changed"));
    }
}
