using System.Text.Json;
using Crm.Grains.Merge;
using Crm.Grains.ReadModel;
using Crm.Grains.Serialization;

namespace Crm.Grains.Customers;

/// <summary>The customer's side of a merge: a duplicate retires into a tombstone, a survivor absorbs its data once.</summary>
public sealed partial class CustomerGrain
{
    public Task<CustomerStatus> Status() => Task.FromResult(new CustomerStatus(State.Exists, State.MergedInto, State.ErasedAt is not null));

    public Task<CustomerState> DescribeForMerge()
    {
        EnsureLive();
        return Task.FromResult(Copy(State));
    }

    public async Task ReserveAsSurvivor(string mergeKey)
    {
        EnsureLive();

        // A merge resumed after it was absorbed asks again: it must not hold this customer once more.
        if (!State.AppliedMerges.Contains(mergeKey))
        {
            await SetPendingAsync(mergeKey, pending: true);
        }
    }

    public Task ReleaseSurvivor(string mergeKey) => SetPendingAsync(mergeKey, pending: false);

    /// <summary>Stores <paramref name="mergeKey"/> as pending or not; writes only when that changes.</summary>
    private async Task SetPendingAsync(string mergeKey, bool pending)
    {
        if (State.PendingMerges.Contains(mergeKey) != pending)
        {
            await MutateAsync(async () =>
            {
                if (pending)
                {
                    State.PendingMerges.Add(mergeKey);
                }
                else
                {
                    State.PendingMerges.Remove(mergeKey);
                }

                await CommitAsync(clock.GetUtcNow(), []);
            });
        }
    }

    /// <summary>
    /// Becomes a tombstone forwarding to <paramref name="survivorId"/>: the read-model row goes and the stat cards drop it in
    /// the same write. Returns the data to absorb; asked again after that, returns the same data.
    /// </summary>
    public async Task<CustomerState> RetireInto(string survivorId, string actor)
    {
        if (State.MergedInto == survivorId)
        {
            return Copy(State, asLive: true);
        }

        if (State.MergedInto is { } other)
        {
            throw new MergeRefusedException($"customer {CustomerId} was already merged into {other}");
        }

        EnsureLive();
        if (State.PendingMerges.Count > 0)
        {
            throw new MergeRefusedException($"customer {CustomerId} is the survivor of a merge in progress; retry once that merge is done");
        }

        var now = clock.GetUtcNow();
        await MutateAsync(async () =>
        {
            State.MergedInto = survivorId;
            await CommitAsync(now, [new TimelineDraft(now, "merged_into", actor, $"merged into customer {survivorId}")]);
        });
        return Copy(State, asLive: true);
    }

    /// <summary>Applies a retired duplicate's data by the merge rules, once per merge key, with its timeline moved here.</summary>
    public async Task<CustomerView> Absorb(string mergeKey, string duplicateId, CustomerState duplicate, string actor)
    {
        EnsureLive();
        if (State.AppliedMerges.Contains(mergeKey))
        {
            return View();
        }

        var now = clock.GetUtcNow();
        await MutateAsync(async () =>
        {
            var move = new TimelineMove(Workspace, duplicateId, CustomerId, State.TimelineSequence);
            State.TimelineSequence += duplicate.TimelineSequence;
            MergeRules.Absorb(State, duplicate, duplicateId);
            State.AppliedMerges.Add(mergeKey);
            State.PendingMerges.Remove(mergeKey);
            await CommitAsync(now, [new TimelineDraft(now, "merged", actor, $"customer {duplicateId} merged into this one")], [move]);
        });
        return View();
    }

    /// <summary>The survivor as it would be after absorbing <paramref name="duplicate"/>, changing nothing.</summary>
    public async Task<CustomerView> PreviewAbsorb(string duplicateId, CustomerState duplicate)
    {
        EnsureLive();
        var real = customer.State;
        var preview = Copy(real);
        MergeRules.Absorb(preview, duplicate, duplicateId);
        var settings = await SettingsAsync();
        customer.State = preview;
        try
        {
            ResolveLifecycle(settings, clock.GetUtcNow(), []);
            ResolveIntent(settings, clock.GetUtcNow(), []);
            return View();
        }
        finally
        {
            customer.State = real;
        }
    }

    private static CustomerState Copy(CustomerState state, bool asLive = false)
    {
        var copy = JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(state, GrainStateJsonContext.Default.CustomerState), GrainStateJsonContext.Default.CustomerState)!;
        if (asLive)
        {
            copy.MergedInto = null;
        }

        return copy;
    }
}
