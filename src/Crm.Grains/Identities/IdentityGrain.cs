using Crm.Grains.Customers;
using Crm.Grains.Ingest;
using Crm.Grains.Workspaces;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;

namespace Crm.Grains.Identities;

[GrainType("identity")]
public sealed class IdentityGrain(
    [PersistentState("identity")] IPersistentState<IdentityState> identity,
    [FromKeyedServices(GrainClock.Key)] TimeProvider clock) : Grain, IIdentityGrain
{
    private string Workspace => WorkspaceKeys.WorkspaceOf(this.GetPrimaryKeyString());

    public async Task<EventReceipt> Ingest(EngagementEvent @event, WorkspaceSettings settings)
    {
        // The owner is set before the write is awaited, so a claim interleaving with it sees the identity as taken.
        var owner = identity.State.OwnerId ?? await TakeOwnership(CustomerIds.New());
        var (_, source) = IdentityKey.Parse(this.GetPrimaryKeyString());
        return await GrainFactory.GetGrain<ICustomerGrain>(WorkspaceKeys.Compose(Workspace, owner)).Apply(@event, source, settings);
    }

    public async Task<IReadOnlyList<EventReceipt>> IngestMany(IReadOnlyList<EngagementEvent> events, WorkspaceSettings settings)
    {
        var owner = identity.State.OwnerId ?? await TakeOwnership(CustomerIds.New());
        var (_, source) = IdentityKey.Parse(this.GetPrimaryKeyString());
        return await GrainFactory.GetGrain<ICustomerGrain>(WorkspaceKeys.Compose(Workspace, owner)).ApplyMany(events, source, settings);
    }

    public async Task<ClaimResult> Claim(string customerId)
    {
        if (identity.State.OwnerId is { } owner)
        {
            return owner == customerId ? new ClaimResult(ClaimOutcome.AlreadyYours) : new ClaimResult(ClaimOutcome.OwnedByOther, owner);
        }

        await TakeOwnership(customerId);
        return new ClaimResult(ClaimOutcome.Claimed);
    }

    public async Task Repoint(string fromCustomerId, string toCustomerId)
    {
        if (identity.State.OwnerId == fromCustomerId)
        {
            identity.State.OwnerId = toCustomerId;
            await StoreAsync(identity.WriteStateAsync);
        }
    }

    public async Task Release(string customerId)
    {
        if (identity.State.OwnerId == customerId)
        {
            await StoreAsync(identity.ClearStateAsync);
        }
    }

    public Task<string?> Owner() => Task.FromResult(identity.State.OwnerId);

    private async Task<string> TakeOwnership(string customerId)
    {
        identity.State.OwnerId = customerId;
        identity.State.LinkedAt = clock.GetUtcNow();
        await StoreAsync(identity.WriteStateAsync);
        return customerId;
    }

    /// <summary>A write that fails leaves memory ahead of storage: the activation is dropped so nothing is served from it.</summary>
    private async Task StoreAsync(Func<Task> write)
    {
        try
        {
            await write();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }
}
