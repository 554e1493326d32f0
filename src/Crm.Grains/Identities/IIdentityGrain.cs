using Crm.Grains.Customers;
using Crm.Grains.Ingest;
using Crm.Grains.Workspaces;
using Orleans;
using Orleans.Concurrency;

namespace Crm.Grains.Identities;

/// <summary>
/// One channel identity (<see cref="IdentityKey"/>), the only authority on which customer owns it. Events enter the
/// customer model here: the first event of an unknown identity creates its customer. Calls customers make to their
/// identities interleave, so an identity waiting on its customer never deadlocks with that customer claiming it.
/// </summary>
public interface IIdentityGrain : IGrainWithStringKey
{
    /// <summary>
    /// Applies an event (already validated against <paramref name="settings"/>, identity normalized) to the owning
    /// customer, creating it if needed. The settings travel with the event so no grain on its path asks the workspace again.
    /// </summary>
    Task<EventReceipt> Ingest(EngagementEvent @event, WorkspaceSettings settings);

    /// <summary>Applies one sender's events, in order, to the owning customer in one of its turns; one receipt per event.</summary>
    Task<IReadOnlyList<EventReceipt>> IngestMany(IReadOnlyList<EngagementEvent> events, WorkspaceSettings settings);

    [AlwaysInterleave]
    Task<ClaimResult> Claim(string customerId);

    /// <summary>Hands the identity from a merged customer to its survivor; a no-op when another customer owns it.</summary>
    [AlwaysInterleave]
    Task Repoint(string fromCustomerId, string toCustomerId);

    /// <summary>Forgets the owner when it is <paramref name="customerId"/> (GDPR erase).</summary>
    [AlwaysInterleave]
    Task Release(string customerId);

    [ReadOnly]
    Task<string?> Owner();
}
