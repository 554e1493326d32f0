using System.Text.Json;
using Crm.Grains.Customers;
using Crm.Grains.Dashboard;
using Crm.Grains.Intents;
using Crm.Grains.ReadModel;
using Crm.Grains.Tests.Infrastructure;
using Orleans;

namespace Crm.Grains.Tests.Dashboard;

/// <summary>The per-workspace registry of nodes showing dashboards, on two silos: leases taken, renewed, lapsed and left.</summary>
public sealed class DashboardRegistryTests
{
    private const string Workspace = "acme";
    private static readonly string Ada = new('a', 32);
    private static readonly string Bea = new('b', 32);

    [Fact]
    public async Task A_node_joins_with_what_it_follows_and_renewing_replaces_it_unless_the_renewal_is_older()
    {
        await using var silo = await CrmSilo.StartClusterAsync(2);
        var registry = await RegistryOnSecondSiloAsync(silo);
        var nodeA = silo.GrainsOn(0).CreateObjectReference<IDashboardListener>(new RecordingListener());
        var nodeB = silo.GrainsOn(1).CreateObjectReference<IDashboardListener>(new RecordingListener());

        Assert.Empty((await registry.GetListeners(null)).Listeners);
        await registry.Renew(new DashboardLease(nodeA, 1, [Ada]));
        await registry.Renew(new DashboardLease(nodeB, 1, []));
        var joined = await registry.GetListeners(null);
        await registry.Renew(new DashboardLease(nodeA, 3, [Ada, Bea]));
        await registry.Renew(new DashboardLease(nodeA, 2, []));

        Assert.Equal(new[] { nodeA.GetGrainId(), nodeB.GetGrainId() }.Order(), joined.Listeners.Select(l => l.Listener.GetGrainId()).Order());
        Assert.Equal([Ada], Followed(joined, nodeA));
        Assert.Equal([Ada, Bea], Followed(await registry.GetListeners(null), nodeA));
    }

    [Fact]
    public async Task A_lease_lapses_when_its_renewals_stop_and_holds_while_they_come()
    {
        await using var silo = await CrmSilo.StartClusterAsync(2);
        var registry = await RegistryOnSecondSiloAsync(silo);
        var renewing = silo.GrainsOn(0).CreateObjectReference<IDashboardListener>(new RecordingListener());
        var silent = silo.GrainsOn(1).CreateObjectReference<IDashboardListener>(new RecordingListener());
        await registry.Renew(new DashboardLease(renewing, 1, []));
        await registry.Renew(new DashboardLease(silent, 1, []));

        for (var renewal = 2; renewal <= 5; renewal++)
        {
            silo.Clock.Advance(DashboardLeases.RenewEvery);
            await registry.Renew(new DashboardLease(renewing, renewal, []));
        }

        var listeners = await registry.GetListeners(null);
        Assert.Equal([renewing.GetGrainId()], listeners.Listeners.Select(l => l.Listener.GetGrainId()));

        silo.Clock.Advance(DashboardLeases.Duration);
        Assert.Empty((await registry.GetListeners(null)).Listeners);
    }

    [Fact]
    public async Task A_node_that_leaves_is_gone_at_once_and_a_renewal_sent_before_its_leave_does_not_bring_it_back()
    {
        await using var silo = await CrmSilo.StartClusterAsync(2);
        var registry = await RegistryOnSecondSiloAsync(silo);
        var node = silo.GrainsOn(0).CreateObjectReference<IDashboardListener>(new RecordingListener());
        await registry.Renew(new DashboardLease(node, 1, [Ada]));

        await registry.Leave(new DashboardLease(node, 3, []));
        var afterLeave = await registry.GetListeners(null);
        await registry.Renew(new DashboardLease(node, 2, [Ada]));
        var afterLateRenewal = await registry.GetListeners(null);
        await registry.Renew(new DashboardLease(node, 4, [Bea]));

        Assert.Empty(afterLeave.Listeners);
        Assert.Empty(afterLateRenewal.Listeners);
        Assert.Equal([Bea], Followed(await registry.GetListeners(null), node));
    }

    [Fact]
    public async Task A_batch_sent_to_a_listener_read_from_the_registry_arrives_on_the_other_silo_whole()
    {
        await using var silo = await CrmSilo.StartClusterAsync(2);
        var registry = await RegistryOnSecondSiloAsync(silo);
        var onFirst = new RecordingListener();
        await registry.Renew(new DashboardLease(silo.GrainsOn(0).CreateObjectReference<IDashboardListener>(onFirst), 1, [Ada]));
        var row = new CustomerListRow
        {
            Id = Ada,
            Name = "Ada Lovelace",
            Initials = "AL",
            Lifecycle = Lifecycle.AtRisk,
            Intent = Intent.SalesOpportunity,
            Tags = ["vip"],
            FirstSeen = CrmSilo.Start,
            Messages = 3,
            LifetimeValue = 120.5m,
        };
        var entry = new TimelineRow(Workspace, Ada, 7, CrmSilo.Start, "message_received", "customer", "how much is it?");
        var batch = new DashboardBatch(
            Workspace,
            [new DashboardRowChange(Ada, row), new DashboardRowChange(Bea, null)],
            [new DashboardAlert(DashboardAlertKind.NeedsAttention, Ada, row, null), new DashboardAlert(DashboardAlertKind.Merged, Bea, null, Ada)],
            [new DashboardTimeline(Ada, [entry])]);

        // Read through the second silo, as a node whose grains committed the changes would.
        var listener = Assert.Single((await silo.GrainsOn(1).GetGrain<IDashboardRegistryGrain>(Workspace).GetListeners(null)).Listeners).Listener;
        await listener.Receive(batch);

        // Compared as JSON: the row's tags are a list, which record equality compares by reference.
        var received = await onFirst.NextBatchAsync();
        Assert.Equal(JsonSerializer.Serialize(batch), JsonSerializer.Serialize(received));
    }

    [Fact]
    public async Task A_node_that_read_the_listeners_lately_is_told_when_they_change_and_then_no_more()
    {
        await using var silo = await CrmSilo.StartClusterAsync(2);
        var registry = await RegistryOnSecondSiloAsync(silo);
        var producer = new RecordingListener();
        var producerReference = silo.GrainsOn(1).CreateObjectReference<IDashboardListener>(producer);
        var listener = silo.GrainsOn(0).CreateObjectReference<IDashboardListener>(new RecordingListener());
        var read = await registry.GetListeners(producerReference);

        await registry.Renew(new DashboardLease(listener, 1, []));
        var joined = await producer.NextChangeAsync();
        await registry.Renew(new DashboardLease(listener, 2, []));
        await registry.Renew(new DashboardLease(listener, 3, [Ada]));
        var followed = await producer.NextChangeAsync();
        await registry.Leave(new DashboardLease(listener, 4, []));
        var left = await producer.NextChangeAsync();
        silo.Clock.Advance(DashboardLeases.ReaderFor);
        await registry.Renew(new DashboardLease(listener, 5, [Bea]));
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        var unchangedRenewalsAndLateChangesTold = producer.PendingChanges;

        Assert.Empty(read.Listeners);
        Assert.Equal(listener.GetGrainId(), Assert.Single(joined.Listeners).Listener.GetGrainId());
        Assert.Equal([Ada], Assert.Single(followed.Listeners).Followed);
        Assert.True(followed.Supersedes(joined) && !joined.Supersedes(followed));
        Assert.Empty(left.Listeners);
        Assert.Equal(0, unchangedRenewalsAndLateChangesTold);
    }

    [Fact]
    public async Task A_new_registry_activation_says_it_is_settling_until_every_live_node_had_its_turn_to_renew()
    {
        await using var silo = await CrmSilo.StartClusterAsync(2);
        var registry = await RegistryOnSecondSiloAsync(silo);

        var fresh = await registry.GetListeners(null);
        silo.Clock.Advance(DashboardLeases.RenewEvery);
        var afterOneRenewalPeriod = await registry.GetListeners(null);
        silo.Clock.Advance(DashboardRegistryGrain.SettlesIn - DashboardLeases.RenewEvery);
        var settled = await registry.GetListeners(null);

        Assert.True(fresh.Settling);
        Assert.True(afterOneRenewalPeriod.Settling);
        Assert.False(settled.Settling);
        Assert.True(settled.Supersedes(fresh));
    }

    private static async Task<IDashboardRegistryGrain> RegistryOnSecondSiloAsync(CrmSilo silo)
    {
        var registry = silo.GrainsOn(0).GetGrain<IDashboardRegistryGrain>(Workspace);
        await registry.GetListeners(null);
        await silo.PlaceOnAsync(registry, 1);
        return registry;
    }

    private static string[] Followed(DashboardListeners listeners, IDashboardListener node) =>
        listeners.Listeners.Single(l => l.Listener.GetGrainId() == node.GetGrainId()).Followed.Order(StringComparer.Ordinal).ToArray();
}
