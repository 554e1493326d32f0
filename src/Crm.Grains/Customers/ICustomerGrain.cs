using Crm.Grains.Ingest;
using Crm.Grains.Upgrade;
using Crm.Grains.Workspaces;
using Orleans;
using Orleans.Concurrency;

namespace Crm.Grains.Customers;

/// <summary>
/// One customer, keyed <c>{workspace}/{customerId}</c>: owns the profile, counters, lifecycle, intent, tags, notes and
/// attributes, and writes its read-model row, timeline entries and stat deltas with its state. A merged customer forwards
/// every call to its survivor. Mutations on a customer that does not exist throw <see cref="CustomerNotFoundException"/>;
/// bad input throws <see cref="Validation.DomainValidationException"/> before anything changes.
/// </summary>
public interface ICustomerGrain : IGrainWithStringKey
{
    Task<CustomerView> Create(NewCustomer customer, string actor);

    /// <summary>Applies an event that arrived through <paramref name="source"/>, under the workspace's <paramref name="settings"/>; creates the customer on its first event.</summary>
    Task<EventReceipt> Apply(EngagementEvent @event, ChannelIdentity source, WorkspaceSettings settings);

    /// <summary>
    /// Applies <paramref name="events"/> in order in one turn and one commit, one receipt each in the same order: an id
    /// applied before (or earlier in the batch) is a duplicate, an event breaking a rule is rejected and changes nothing.
    /// </summary>
    Task<IReadOnlyList<EventReceipt>> ApplyMany(IReadOnlyList<EngagementEvent> events, ChannelIdentity source, WorkspaceSettings settings);

    /// <summary>The customer, or its survivor's view when merged; null when it does not exist.</summary>
    [ReadOnly]
    Task<CustomerView?> Get();

    [ReadOnly]
    Task<CustomerSnapshot?> Snapshot();

    Task<CustomerView> UpdateProfile(ProfilePatch patch, string actor);

    Task<CustomerView> SetLifecycle(Lifecycle stage, string actor);

    /// <summary>
    /// Confirms or corrects the intent: it stands until the computed intent moves (<see cref="Intents.IntentCorrectionRules"/>),
    /// and a correction to a learnable intent stores the messages that voted as the workspace's labelled examples.
    /// </summary>
    Task<CustomerView> CorrectIntent(Intents.Intent intent, string? note, string actor);

    Task<CustomerView> AddTags(IReadOnlyList<string> tags, string actor);

    Task<CustomerView> RemoveTags(IReadOnlyList<string> tags, string actor);

    /// <summary>Adds the customer to a static segment; rule-based segments decide membership themselves.</summary>
    Task<CustomerView> AddToSegment(string segmentId, string actor);

    Task<CustomerView> RemoveFromSegment(string segmentId, string actor);

    Task<Note> AddNote(string author, string text);

    Task<Note> EditNote(string noteId, string text, string actor);

    Task DeleteNote(string noteId, string actor);

    /// <summary>Sets attributes; a null value removes one.</summary>
    Task<CustomerView> SetAttributes(IReadOnlyDictionary<string, AttributeValue?> changes, string actor);

    /// <summary>Makes <paramref name="attributes"/> the customer's whole set: keys not in it are removed.</summary>
    Task<CustomerView> ReplaceAttributes(IReadOnlyDictionary<string, AttributeValue> attributes, string actor);

    /// <summary>Whether the id exists, was merged or erased; answered without forwarding.</summary>
    [ReadOnly]
    Task<CustomerStatus> Status();

    [ReadOnly]
    Task<CustomerState> DescribeForMerge();

    /// <summary>Holds this customer as the survivor of <paramref name="mergeKey"/>: until it absorbs or releases that merge it refuses to be retired.</summary>
    Task ReserveAsSurvivor(string mergeKey);

    /// <summary>Lets go of a reservation whose merge was refused; a no-op when there is none.</summary>
    Task ReleaseSurvivor(string mergeKey);

    Task<CustomerState> RetireInto(string survivorId, string actor);

    Task<CustomerView> Absorb(string mergeKey, string duplicateId, CustomerState duplicate, string actor);

    [ReadOnly]
    Task<CustomerView> PreviewAbsorb(string duplicateId, CustomerState duplicate);

    [ReadOnly]
    Task<CustomerExport> Export();

    /// <summary>GDPR erase: personal data leaves state, read model and timeline; identities are released; a bare tombstone stays.</summary>
    Task Erase(string actor);

    /// <summary>Erases a merged tombstone's data; interleaves, since its survivor calls it while the tombstone may be waiting on that survivor.</summary>
    [AlwaysInterleave]
    Task EraseTombstone();

    /// <summary>Re-evaluates what depends on time alone (lifecycle silence, intent decay); the workspace sweep calls it.</summary>
    Task Refresh();

    /// <summary>Re-evaluates segment membership against the current catalog, writing only when membership changed.</summary>
    Task ReevaluateSegments();

    /// <summary>
    /// Brings identities and profile phone and email stored under earlier identity rules to the current ones (the
    /// identity upgrade pass calls it); writes only when something changed, so a second call changes nothing.
    /// </summary>
    Task<CustomerUpgradeResult> UpgradeIdentities();
}
