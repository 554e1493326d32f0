using Orleans;
using Orleans.Concurrency;

namespace Crm.Grains.Segments;

/// <summary>
/// The segment definitions of one workspace, keyed by the workspace id. Names are unique per workspace ignoring case;
/// a workspace has at most <see cref="SegmentDraftRules.MaxSegmentsPerWorkspace"/> segments. Bad input throws
/// <see cref="Validation.DomainValidationException"/> naming the field; an unknown id throws <see cref="SegmentNotFoundException"/>.
/// </summary>
public interface ISegmentCatalogGrain : IGrainWithStringKey
{
    Task<SegmentDefinition> Create(SegmentDraft draft);

    /// <summary>Replaces name, description and rule; the kind of a segment never changes.</summary>
    Task<SegmentDefinition> Update(string segmentId, SegmentDraft draft);

    /// <summary>Deletes the segment; its id is never given to another segment.</summary>
    Task Delete(string segmentId);

    /// <summary>Every segment, in creation order.</summary>
    [ReadOnly]
    Task<IReadOnlyList<SegmentDefinition>> List();

    /// <summary>The segment, or null when the workspace has none with this id.</summary>
    [ReadOnly]
    Task<SegmentDefinition?> Get(string segmentId);

    /// <summary>
    /// What customers compute their membership from: called on every customer commit, it returns a prepared immutable
    /// instance, the same one until the catalog changes.
    /// </summary>
    [ReadOnly]
    Task<MembershipRules> GetMembershipRules();

    /// <summary>
    /// The catalog version of the last change that can move customers in or out of segments (a rule segment created or
    /// its rule edited, any segment deleted): customers are all evaluated once the workspace's
    /// <see cref="ISegmentEvaluationGrain"/> has reached it.
    /// </summary>
    [ReadOnly]
    Task<long> GetMembershipVersion();

    /// <summary>
    /// The segment, checked to exist and to be static: before a customer is added to or removed from it by hand.
    /// Throws <see cref="SegmentNotFoundException"/>, or <see cref="Validation.DomainValidationException"/> for a rule-based one.
    /// </summary>
    [ReadOnly]
    Task<SegmentDefinition> RequireStatic(string segmentId);
}
