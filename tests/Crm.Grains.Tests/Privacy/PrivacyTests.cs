using Crm.Grains.Customers;
using Crm.Grains.Identities;
using Crm.Grains.Ingest;
using Crm.Grains.Merge;
using Crm.Grains.ReadModel;
using Crm.Grains.Tests.Infrastructure;
using Crm.Silo.Storage;

namespace Crm.Grains.Tests.Privacy;

public sealed class PrivacyTests
{
    private const string Workspace = "acme";

    [Fact]
    public async Task An_export_holds_the_profile_identities_conversations_orders_notes_and_attributes()
    {
        await using var silo = await CrmSilo.StartAsync();
        var id = await Send(silo, Events.Identify(Channel.Email, "kim@example.com", CrmSilo.Start, new Traits
        {
            Profile = new ProfilePatch { Name = "Kim Park" },
            Attributes = new Dictionary<string, AttributeValue> { ["plan"] = AttributeValue.Of("basic") },
        }));
        await Send(silo, Events.Message(Channel.Email, "kim@example.com", CrmSilo.Start, "hello", "c-7"));
        await Send(silo, Events.Order(Channel.Email, "kim@example.com", CrmSilo.Start, "o-7", 12m));
        var grain = silo.Grains.GetGrain<ICustomerGrain>($"{Workspace}/{id}");
        await grain.AddNote("agent:lea", "Prefers email");

        var export = await grain.Export();

        Assert.Equal("Kim Park", export.Customer.Profile.Name);
        Assert.Contains(new ChannelIdentity(Channel.Email, "kim@example.com"), export.Customer.Identities);
        Assert.Equal("c-7", Assert.Single(export.Customer.RecentConversations).Id);
        Assert.Equal("o-7", Assert.Single(export.Customer.RecentOrders).Id);
        Assert.Equal("Prefers email", Assert.Single(export.Customer.Notes).Text);
        Assert.Equal("basic", export.Customer.Attributes["plan"].Text);
    }

    [Fact]
    public async Task Erase_removes_personal_data_everywhere_releases_identities_and_leaves_a_bare_tombstone()
    {
        var storage = new MemoryStateStorage();
        await using var silo = await CrmSilo.StartAsync(storage);
        var erased = await Send(silo, Events.Identify(Channel.Email, "lou@example.com", CrmSilo.Start, new Traits { Profile = new ProfilePatch { Name = "Lou Reyes" } }));
        await Send(silo, Events.Message(Channel.Email, "lou@example.com", CrmSilo.Start, "my address is 12 Elm Street", "c-1"));
        var merged = await Send(silo, Events.Message(Channel.Sms, "+1 415 555 0142", CrmSilo.Start, "Lou here"));
        await silo.Grains.GetGrain<IMergeGrain>(MergeKeys.For(Workspace, erased, merged)).Merge(erased, merged, "agent:test", dryRun: false);
        var other = await Send(silo, Events.Message(Channel.Email, "max@example.com", CrmSilo.Start));

        await silo.Grains.GetGrain<ICustomerGrain>($"{Workspace}/{erased}").Erase("agent:dpo");
        var newcomer = await Send(silo, Events.Message(Channel.Email, "lou@example.com", CrmSilo.Start.AddDays(1), "hi"));

        Assert.Null(await silo.Grains.GetGrain<ICustomerGrain>($"{Workspace}/{erased}").Get());
        Assert.NotEqual(erased, newcomer);
        var rows = storage.Store.Rows;
        Assert.DoesNotContain(rows.Table(CustomerRowWriter.MemoryTable).Keys, key => key.EndsWith(erased) || key.EndsWith(merged));
        Assert.DoesNotContain(rows.Table(TimelineRowWriter.MemoryTable).Values.Cast<TimelineRow>(), row => row.CustomerId == erased || row.CustomerId == merged);
        var stored = string.Join('\n', await Task.WhenAll(new[] { erased, merged }.Select(async id => (await storage.ReadAsync(new StateKey("customer.customer", $"{Workspace}/{id}"), CancellationToken.None))!.Payload)));
        Assert.DoesNotContain("Lou", stored);
        Assert.DoesNotContain("lou@example.com", stored);
        Assert.DoesNotContain("Elm Street", stored);
        Assert.DoesNotContain("4155550142", stored);
        var stats = (StatsCounts)rows.Table(StatsDeltaWriter.MemoryTable)[Workspace];
        Assert.Equal(rows.Table(CustomerRowWriter.MemoryTable).Count, stats.All);
        Assert.True((await silo.Grains.GetGrain<ICustomerGrain>($"{Workspace}/{other}").Status()).IsLive);
    }

    [Fact]
    public async Task Erasing_through_a_merged_id_erases_the_survivor_and_its_tombstones()
    {
        await using var silo = await CrmSilo.StartAsync();
        var survivor = await Send(silo, Events.Message(Channel.Email, "e1@example.com", CrmSilo.Start));
        var merged = await Send(silo, Events.Message(Channel.Email, "e2@example.com", CrmSilo.Start));
        await silo.Grains.GetGrain<IMergeGrain>(MergeKeys.For(Workspace, survivor, merged)).Merge(survivor, merged, "agent:test", dryRun: false);

        await silo.Grains.GetGrain<ICustomerGrain>($"{Workspace}/{merged}").Erase("agent:dpo").WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True((await silo.Grains.GetGrain<ICustomerGrain>($"{Workspace}/{survivor}").Status()).Erased);
        Assert.Null(await silo.Grains.GetGrain<IIdentityGrain>(IdentityKey.For(Workspace, new ChannelIdentity(Channel.Email, "e1@example.com"))).Owner());
    }

    private static Task<string> Send(CrmSilo silo, EngagementEvent @event) => silo.SendAsync(Workspace, @event);
}
