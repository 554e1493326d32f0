using Crm.Grains.Customers;
using Crm.Grains.Identities;
using Crm.Grains.Ingest;
using Crm.Grains.Tests.Infrastructure;
using Crm.Grains.Workspaces;

namespace Crm.Grains.Tests.Customers;

public sealed class LifecycleTests
{
    private const string Workspace = "acme";
    private const string Bea = "bea@example.com";

    [Fact]
    public async Task Three_conversations_in_thirty_days_make_a_customer_active()
    {
        await using var silo = await CrmSilo.StartAsync();
        var customer = await Send(silo, Events.Message(Channel.Email, Bea, CrmSilo.Start, conversation: "c1"));

        await Send(silo, Events.Message(Channel.Email, Bea, CrmSilo.Start.AddDays(3), conversation: "c2"));
        var afterTwo = await Get(silo, customer);
        await Send(silo, Events.Message(Channel.Email, Bea, CrmSilo.Start.AddDays(6), conversation: "c3"));

        Assert.Equal(Lifecycle.Lead, afterTwo.Lifecycle);
        Assert.Equal(Lifecycle.Active, (await Get(silo, customer)).Lifecycle);
    }

    [Fact]
    public async Task Lifetime_value_at_the_workspace_threshold_makes_a_vip()
    {
        await using var silo = await CrmSilo.StartAsync();
        await silo.Grains.GetGrain<IWorkspaceGrain>(Workspace).UpdateSettings(new WorkspaceSettings { VipLifetimeValue = 500m });

        var customer = await Send(silo, Events.Order(Channel.Email, Bea, CrmSilo.Start, "o-1", 499.99m));
        var below = (await Get(silo, customer)).Lifecycle;
        await Send(silo, Events.Order(Channel.Email, Bea, CrmSilo.Start, "o-2", 0.01m));

        Assert.Equal(Lifecycle.Customer, below);
        Assert.Equal(Lifecycle.Vip, (await Get(silo, customer)).Lifecycle);
    }

    [Fact]
    public async Task Silence_moves_a_customer_to_at_risk_then_churned_and_contact_brings_them_back()
    {
        await using var silo = await CrmSilo.StartAsync();
        var customer = await Send(silo, Events.Order(Channel.Email, Bea, CrmSilo.Start, "o-1", 30m));
        var grain = silo.Grains.GetGrain<ICustomerGrain>($"{Workspace}/{customer}");

        silo.Clock.Advance(TimeSpan.FromDays(31));
        await grain.Refresh();
        var atRisk = await grain.Get();
        silo.Clock.Advance(TimeSpan.FromDays(60));
        await grain.Refresh();
        var churned = await grain.Get();
        await Send(silo, Events.Message(Channel.Email, Bea, silo.Clock.GetUtcNow(), "I'm back"));

        Assert.Equal(Lifecycle.AtRisk, atRisk!.Lifecycle);
        Assert.Equal(Lifecycle.Churned, churned!.Lifecycle);
        Assert.Equal(Lifecycle.Customer, (await grain.Get())!.Lifecycle);
        Assert.Contains(silo.Changes.Published, change => change.CustomerId == customer && change.EnteredAtRisk);
    }

    [Fact]
    public async Task A_manual_stage_stands_until_the_automatic_stage_moves()
    {
        await using var silo = await CrmSilo.StartAsync();
        var customer = await Send(silo, Events.Message(Channel.Email, Bea, CrmSilo.Start));
        var grain = silo.Grains.GetGrain<ICustomerGrain>($"{Workspace}/{customer}");

        await grain.SetLifecycle(Lifecycle.Vip, "agent:maria");
        await Send(silo, Events.Message(Channel.Email, Bea, CrmSilo.Start.AddHours(1), "more"));
        var kept = await grain.Get();
        await Send(silo, Events.Order(Channel.Email, Bea, CrmSilo.Start.AddHours(2), "o-1", 10m));
        var replaced = await grain.Get();

        Assert.Equal(Lifecycle.Vip, kept!.Lifecycle);
        Assert.Equal("agent:maria", kept.ManualLifecycle!.Actor);
        Assert.Equal(Lifecycle.Customer, replaced!.Lifecycle);
        Assert.Null(replaced.ManualLifecycle);
    }

    private static Task<string> Send(CrmSilo silo, EngagementEvent @event) => silo.SendAsync(Workspace, @event);

    private static async Task<CustomerView> Get(CrmSilo silo, string customerId) =>
        (await silo.Grains.GetGrain<ICustomerGrain>($"{Workspace}/{customerId}").Get())!;
}
