using Crm.Grains.Access;
using Crm.Grains.Customers;
using Crm.Grains.Identities;
using Crm.Grains.Ingest;
using Crm.Grains.Nodes;
using Crm.Grains.Segments;
using Crm.Grains.Tests.Infrastructure;
using Crm.Grains.Workspaces;
using Microsoft.Extensions.DependencyInjection;
using Orleans;

namespace Crm.Grains.Tests.Nodes;

/// <summary>
/// Two silos as two nodes: a change made through one is seen by the other's caches before the change's call returns,
/// and the directory stops waiting on nodes that stopped renewing.
/// </summary>
public sealed class NodeBroadcastTests
{
    private const string Workspace = "acme";

    /// <summary>Caches that never age out within a test, so only a broadcast (or a new registration) can refresh them.</summary>
    private static NodeOptions Lasting(TimeSpan? broadcastTimeout = null) => new()
    {
        RenewEvery = TimeSpan.FromMinutes(10),
        LeaseDuration = TimeSpan.FromMinutes(30),
        CacheMaxAge = TimeSpan.FromMinutes(30),
        BroadcastTimeout = broadcastTimeout ?? TimeSpan.FromSeconds(5),
    };

    [Fact]
    public async Task A_settings_change_through_one_node_reaches_the_other_nodes_cache_before_it_returns()
    {
        await using var silo = await CrmSilo.StartClusterAsync(2, services: services => services.AddSingleton(Lasting()));
        var onOther = silo.ServicesOn(1).GetRequiredService<WorkspaceSettingsCache>();
        Assert.Equal("1", (await onOther.GetAsync(Workspace)).DefaultPhoneCountry);
        var workspace = silo.GrainsOn(0).GetGrain<IWorkspaceGrain>(Workspace);
        await silo.PlaceOnAsync(workspace, 0);

        await workspace.UpdateSettings(new WorkspaceSettings { DefaultPhoneCountry = "44" });

        Assert.Equal("44", (await onOther.GetAsync(Workspace)).DefaultPhoneCountry);
        var customer = await silo.IngestorOn(1).IngestAsync(Workspace, Events.Message(Channel.Whatsapp, "020 7946 0958", CrmSilo.Start));
        Assert.Equal(IngestStatus.Accepted, customer.Status);
        var view = await silo.GrainsOn(1).GetGrain<ICustomerGrain>(WorkspaceKeys.Compose(Workspace, customer.CustomerId!)).Get();
        Assert.Equal("+442079460958", Assert.Single(view!.Identities).Value);
    }

    [Fact]
    public async Task A_rules_change_through_one_node_reaches_the_other_nodes_cache_before_it_returns()
    {
        await using var silo = await CrmSilo.StartClusterAsync(2, services: services => services.AddSingleton(Lasting()));
        var onOther = silo.ServicesOn(1).GetRequiredService<MembershipRulesCache>();
        Assert.Empty((await onOther.GetAsync(Workspace)).Rules);
        var catalog = silo.GrainsOn(0).GetGrain<ISegmentCatalogGrain>(Workspace);
        await silo.PlaceOnAsync(catalog, 0);

        var segment = await catalog.Create(new SegmentDraft { Name = "Big spenders", Kind = SegmentKind.Rule, Rule = "ltv >= 100" });
        Assert.Equal(segment.Id, Assert.Single((await onOther.GetAsync(Workspace)).Rules).SegmentId);

        await catalog.Delete(segment.Id);
        Assert.Empty((await onOther.GetAsync(Workspace)).Rules);
    }

    [Fact]
    public async Task A_key_revoked_through_one_node_is_revoked_in_the_other_nodes_cache_and_listeners_before_it_returns()
    {
        await using var silo = await CrmSilo.StartClusterAsync(2, services: services =>
        {
            services.AddSingleton(Lasting());
            services.AddNodeListener<RecordingNodeListener>();
        });
        var access = silo.GrainsOn(0).GetGrain<IWorkspaceAccessGrain>(Workspace);
        await silo.PlaceOnAsync(access, 0);
        var issued = await access.CreateKey(KeyRole.Agent, "inbox");
        var onOther = silo.ServicesOn(1).GetRequiredService<ApiKeyCache>();
        Assert.True((await onOther.DescribeAsync(issued.Key.SecretHash))!.IsActive);

        Assert.True(await access.RevokeKey(issued.Key.Id));

        Assert.False((await onOther.DescribeAsync(issued.Key.SecretHash))!.IsActive);
        Assert.Equal([issued.Key.Id], silo.ServicesOn(1).GetRequiredService<RecordingNodeListener>().RevokedKeys);
        Assert.Equal([issued.Key.Id], silo.ServicesOn(0).GetRequiredService<RecordingNodeListener>().RevokedKeys);
    }

    [Fact]
    public async Task A_node_whose_lease_expired_is_dropped_and_gets_no_more_broadcasts()
    {
        await using var silo = await CrmSilo.StartClusterAsync(2, services: services => services.AddSingleton(Lasting()));
        var directory = silo.GrainsOn(0).GetGrain<INodeDirectoryGrain>(NodeDirectoryGrain.Key);
        var departed = new TestObserver();
        var reference = silo.GrainsOn(1).CreateObjectReference<INodeObserver>(departed);
        Assert.True(await directory.Renew("departed", reference, TimeSpan.FromSeconds(1)));
        Assert.Contains("departed", await NodeIdsAsync(directory));

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await NodeIdsAsync(directory)).Contains("departed"))
        {
            Assert.True(DateTime.UtcNow < deadline, "the departed node is still listed 30 s after its 1 s lease");
            await Task.Delay(200);
        }

        await silo.GrainsOn(0).GetGrain<IWorkspaceGrain>(Workspace).UpdateSettings(new WorkspaceSettings { DefaultPhoneCountry = "44" });

        Assert.Empty(departed.Received);
        Assert.Equal(
            new[] { 0, 1 }.Select(index => silo.ServicesOn(index).GetRequiredService<NodeMembership>().NodeId).Order(),
            (await NodeIdsAsync(directory)).Order());
        Assert.True(await directory.Renew("departed", reference, TimeSpan.FromMinutes(1)), "a node renewing after its lease expired is told it was not registered");
    }

    [Fact]
    public async Task A_node_that_does_not_answer_holds_a_change_only_for_the_broadcast_timeout_and_the_others_still_get_it()
    {
        await using var silo = await CrmSilo.StartClusterAsync(2, services: services => services.AddSingleton(Lasting(broadcastTimeout: TimeSpan.FromSeconds(1))));
        var stuck = new TestObserver(hold: true);
        try
        {
            var directory = silo.GrainsOn(0).GetGrain<INodeDirectoryGrain>(NodeDirectoryGrain.Key);
            await directory.Renew("stuck", silo.GrainsOn(1).CreateObjectReference<INodeObserver>(stuck), TimeSpan.FromMinutes(1));
            var onOther = silo.ServicesOn(1).GetRequiredService<WorkspaceSettingsCache>();
            Assert.Equal("1", (await onOther.GetAsync(Workspace)).DefaultPhoneCountry);

            // Without the bound the change would wait for Orleans' 30 s response timeout.
            var change = silo.GrainsOn(0).GetGrain<IWorkspaceGrain>(Workspace).UpdateSettings(new WorkspaceSettings { DefaultPhoneCountry = "44" });
            await change.WaitAsync(TimeSpan.FromSeconds(20));

            Assert.Equal(["settings acme"], stuck.Received);
            Assert.Equal("44", (await onOther.GetAsync(Workspace)).DefaultPhoneCountry);
        }
        finally
        {
            stuck.Release();
        }
    }

    [Fact]
    public async Task A_node_that_was_dropped_drops_its_caches_when_it_registers_again()
    {
        await using var silo = await CrmSilo.StartClusterAsync(2, services: services => services.AddSingleton(Lasting()));
        var onOther = silo.ServicesOn(1).GetRequiredService<WorkspaceSettingsCache>();
        var other = silo.ServicesOn(1).GetRequiredService<NodeMembership>();
        Assert.Equal("1", (await onOther.GetAsync(Workspace)).DefaultPhoneCountry);
        await silo.GrainsOn(0).GetGrain<INodeDirectoryGrain>(NodeDirectoryGrain.Key).Leave(other.NodeId);

        await silo.GrainsOn(0).GetGrain<IWorkspaceGrain>(Workspace).UpdateSettings(new WorkspaceSettings { DefaultPhoneCountry = "44" });
        Assert.Equal("1", (await onOther.GetAsync(Workspace)).DefaultPhoneCountry);

        await other.RenewAsync();
        Assert.Equal("44", (await onOther.GetAsync(Workspace)).DefaultPhoneCountry);
    }

    [Fact]
    public async Task An_evaluation_pass_moves_customers_living_on_a_node_that_missed_the_rules_change()
    {
        await using var silo = await CrmSilo.StartClusterAsync(2, services: services => services.AddSingleton(Lasting()));
        var customerId = await silo.SendAsync(Workspace, Events.Order(Channel.Email, "ada@example.com", CrmSilo.Start, "o-1", 150m));
        var customer = silo.GrainsOn(0).GetGrain<ICustomerGrain>(WorkspaceKeys.Compose(Workspace, customerId));
        await silo.PlaceOnAsync(customer, 1);
        var onOther = silo.ServicesOn(1).GetRequiredService<MembershipRulesCache>();
        Assert.Empty((await onOther.GetAsync(Workspace)).Rules);
        await silo.GrainsOn(0).GetGrain<INodeDirectoryGrain>(NodeDirectoryGrain.Key).Leave(silo.ServicesOn(1).GetRequiredService<NodeMembership>().NodeId);

        var catalog = silo.GrainsOn(0).GetGrain<ISegmentCatalogGrain>(Workspace);
        var segment = await catalog.Create(new SegmentDraft { Name = "Big spenders", Kind = SegmentKind.Rule, Rule = "ltv >= 100" });
        var version = await catalog.GetMembershipVersion();
        var evaluation = silo.GrainsOn(0).GetGrain<ISegmentEvaluationGrain>(Workspace);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await evaluation.Status()).EvaluatedVersion < version)
        {
            Assert.True(DateTime.UtcNow < deadline, $"segments not evaluated against catalog version {version} within 30 s");
            await Task.Delay(20);
        }

        Assert.Contains(segment.Id, (await customer.Get())!.Segments);
        Assert.Equal(segment.Id, Assert.Single((await onOther.GetAsync(Workspace)).Rules).SegmentId);
    }

    private static async Task<IReadOnlyList<string>> NodeIdsAsync(INodeDirectoryGrain directory) =>
        (await directory.LiveNodes()).Select(node => node.NodeId).ToArray();
}
