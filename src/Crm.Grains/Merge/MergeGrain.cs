using Crm.Grains.Customers;
using Crm.Grains.Identities;
using Crm.Grains.Workspaces;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;

namespace Crm.Grains.Merge;

/// <summary>
/// Runs the merge protocol: record the intent, reserve the survivor, retire the duplicate into a tombstone (its row and stat counts leave in
/// the same write), let the survivor absorb its data (once per merge key), re-point the duplicate's identities, done.
/// Each phase is stored before the next begins, and each step is idempotent, so a retry after any failure finishes the
/// merge exactly once.
/// </summary>
[GrainType("merge")]
// Works for one operation and is rarely asked again: its memory goes soon after.
[CollectionAgeLimit(Minutes = 2)]
public sealed class MergeGrain([PersistentState("merge")] IPersistentState<MergeState> merge, IMergeFaults faults, [FromKeyedServices(GrainClock.Key)] TimeProvider clock) : Grain, IMergeGrain
{
    private string Workspace => WorkspaceKeys.WorkspaceOf(this.GetPrimaryKeyString());

    public async Task<MergeResult> Merge(string survivorId, string duplicateId, string actor, bool dryRun)
    {
        if (survivorId == duplicateId)
        {
            throw new MergeRefusedException("a customer cannot be merged into itself");
        }

        if (MergeKeys.For(Workspace, survivorId, duplicateId) != this.GetPrimaryKeyString())
        {
            throw new MergeRefusedException("this merge record is for another pair of customers");
        }

        var record = merge.State;
        var resuming = record.Phase is not (MergePhase.NotStarted or MergePhase.Completed);
        if (resuming && (record.SurvivorId != survivorId || record.DuplicateId != duplicateId))
        {
            throw new MergeRefusedException($"customer {record.DuplicateId} is already being merged into {record.SurvivorId}; retry that merge to finish it");
        }

        var survivor = Customer(survivorId);
        var duplicate = Customer(duplicateId);
        if (record.Phase == MergePhase.Completed && record.SurvivorId == survivorId && record.DuplicateId == duplicateId)
        {
            return new MergeResult((await survivor.Get())!, duplicateId, DryRun: false);
        }

        if (!resuming)
        {
            await RequireLive(survivorId);
            await RequireLive(duplicateId);
        }

        if (dryRun)
        {
            return new MergeResult(await survivor.PreviewAbsorb(duplicateId, await duplicate.DescribeForMerge()), duplicateId, DryRun: true);
        }

        if (!resuming)
        {
            record.SurvivorId = survivorId;
            record.DuplicateId = duplicateId;
            record.Actor = actor;
            record.StartedAt = clock.GetUtcNow();
            record.CompletedAt = null;
            await Reach(MergePhase.Started);
        }

        var data = await RetireAsync(survivor, duplicate, record.Actor!);
        if (record.Phase < MergePhase.DuplicateRetired)
        {
            await Reach(MergePhase.DuplicateRetired);
        }

        var merged = await survivor.Absorb(this.GetPrimaryKeyString(), duplicateId, data, record.Actor!);
        if (record.Phase < MergePhase.Absorbed)
        {
            await Reach(MergePhase.Absorbed);
        }

        foreach (var identity in data.Identities)
        {
            await GrainFactory.GetGrain<IIdentityGrain>(IdentityKey.For(Workspace, identity)).Repoint(duplicateId, survivorId);
        }

        if (record.Phase < MergePhase.IdentitiesRepointed)
        {
            await Reach(MergePhase.IdentitiesRepointed);
        }

        record.CompletedAt = clock.GetUtcNow();
        await Reach(MergePhase.Completed);
        return new MergeResult(merged, duplicateId, DryRun: false);
    }

    private async Task Reach(MergePhase phase)
    {
        merge.State.Phase = phase;
        await merge.WriteStateAsync();
        await faults.AfterAsync(phase);
    }

    /// <summary>
    /// Reserves the survivor before the duplicate retires: a customer reserved as a survivor refuses to retire, so of
    /// merges racing around a cycle (A←B, B←C, C←A) none can leave tombstones forwarding to each other. A refused
    /// merge lets its survivor go and forgets its record, so it can be asked again.
    /// </summary>
    private async Task<CustomerState> RetireAsync(ICustomerGrain survivor, ICustomerGrain duplicate, string actor)
    {
        if (merge.State.Phase < MergePhase.DuplicateRetired)
        {
            await survivor.ReserveAsSurvivor(this.GetPrimaryKeyString());
        }

        try
        {
            return await duplicate.RetireInto(merge.State.SurvivorId!, actor);
        }
        catch (MergeRefusedException)
        {
            await survivor.ReleaseSurvivor(this.GetPrimaryKeyString());
            merge.State = new MergeState();
            await merge.WriteStateAsync();
            throw;
        }
    }

    private async Task RequireLive(string customerId)
    {
        var status = await Customer(customerId).Status();
        if (!status.Exists || status.Erased)
        {
            throw new CustomerNotFoundException(customerId);
        }

        if (status.MergedInto is { } survivor)
        {
            throw new MergeRefusedException($"customer {customerId} was already merged into {survivor}");
        }
    }

    private ICustomerGrain Customer(string customerId) => GrainFactory.GetGrain<ICustomerGrain>(WorkspaceKeys.Compose(Workspace, customerId));
}
