using Crm.Grains.ReadModel;
using Crm.Grains.Validation;
using Crm.Grains.Workspaces;
using Orleans;
using Orleans.Runtime;

namespace Crm.Grains.Segments;

[GrainType("segment")]
public sealed class SegmentGrain(ISegmentQueries queries) : Grain, ISegmentGrain
{
    private string Workspace => WorkspaceKeys.WorkspaceOf(this.GetPrimaryKeyString());

    private string SegmentId => WorkspaceKeys.LocalPartOf(this.GetPrimaryKeyString());

    public async Task<long> CountMembers()
    {
        await EnsureExistsAsync();
        return await queries.CountMembersAsync(Workspace, SegmentId);
    }

    public async Task<SegmentMemberPage> ListMembers(string? afterCustomerId, int limit)
    {
        if (limit is < 1 or > SegmentMemberPage.MaxLimit)
        {
            throw new DomainValidationException(new ValidationError("limit", $"must be between 1 and {SegmentMemberPage.MaxLimit}"));
        }

        await EnsureExistsAsync();
        return await queries.ListMembersAsync(Workspace, SegmentId, afterCustomerId, limit);
    }

    /// <summary>Rows may still name a deleted segment until each customer next commits, so existence is the catalog's word.</summary>
    private async Task EnsureExistsAsync()
    {
        if (await GrainFactory.GetGrain<ISegmentCatalogGrain>(Workspace).Get(SegmentId) is null)
        {
            throw new SegmentNotFoundException(SegmentId);
        }
    }
}
