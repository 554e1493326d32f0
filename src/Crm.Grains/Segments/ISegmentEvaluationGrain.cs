using Orleans;
using Orleans.Concurrency;

namespace Crm.Grains.Segments;

/// <summary>
/// Brings every customer of a workspace (keyed by its id) up to date with the segment catalog after a rule segment is
/// created, edited or any segment deleted: customers otherwise re-evaluate membership only when they next change. It runs
/// in the background a page at a time and records how far it got, so a restart resumes where it stopped.
/// </summary>
public interface ISegmentEvaluationGrain : IGrainWithStringKey
{
    /// <summary>Starts (or restarts from the first customer) an evaluation against catalog version <paramref name="catalogVersion"/>, unless one as new already ran or runs.</summary>
    Task Evaluate(long catalogVersion);

    [ReadOnly]
    Task<SegmentEvaluationStatus> Status();
}
