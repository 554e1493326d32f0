using Orleans;
using Orleans.Concurrency;

namespace Crm.Grains.Merge;

/// <summary>
/// Coordinates merging one pair of customers, keyed <c>{workspace}/{lower id}/{higher id}</c> so that opposing merges of
/// the same pair queue behind each other and end in one outcome. The record is durable: calling <see cref="Merge"/>
/// again after a failure resumes where it stopped, and a completed merge answers again without redoing anything.
/// </summary>
public interface IMergeGrain : IGrainWithStringKey
{
    Task<MergeResult> Merge(string survivorId, string duplicateId, string actor, bool dryRun);
}
