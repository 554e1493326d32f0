using Crm.Grains.Customers;
using Crm.Grains.ReadModel;
using Crm.Grains.Segments;
using Crm.Grains.Tests.Infrastructure;
using Crm.Grains.Workspaces;
using Crm.Silo.Storage;

namespace Crm.Grains.Tests.Segments;

/// <summary>
/// Stands in for the customer grain's commit until that commit evaluates segments itself: computes the customer's
/// segments from its catalog's rules with <see cref="SegmentMembership.Evaluate"/> and stores its read-model row with them.
/// </summary>
internal static class MembershipCommit
{
    private static readonly CompiledRuleCache Cache = new();

    public static async Task WriteAsync(CrmSilo silo, string workspace, string customerId, params string[] staticSegments)
    {
        var customer = await silo.Grains.GetGrain<ICustomerGrain>(WorkspaceKeys.Compose(workspace, customerId)).Snapshot();
        var rules = await silo.Grains.GetGrain<ISegmentCatalogGrain>(workspace).GetMembershipRules();
        var segments = SegmentMembership.Evaluate(rules, Cache, customer!, staticSegments, silo.Clock.GetUtcNow());
        await WriteRowsAsync(silo.Storage, new CustomerRow(workspace, customerId, customer! with { Segments = segments.ToHashSet() }));
    }

    /// <summary>Stores rows as a grain's write stores them, with a throwaway state of their own.</summary>
    public static async Task WriteRowsAsync(IStateStorage storage, params CustomerRow[] rows)
    {
        var write = new StateWrite(new StateKey("segmenttests.rows", Guid.NewGuid().ToString("N")), null, "{}", rows);

        var outcomes = await storage.WriteBatchAsync([write], CancellationToken.None);

        Assert.False(outcomes[0].Conflict);
    }
}
