using Crm.Grains.Identities;
using Crm.Grains.Intents;
using Crm.Grains.ReadModel;

namespace Crm.Grains.Customers;

/// <summary>GDPR: export what is held about the customer; erase it, keeping only an empty tombstone so the id stays taken.</summary>
public sealed partial class CustomerGrain
{
    public async Task<CustomerExport> Export()
    {
        if (State.MergedInto is { } survivor)
        {
            return await Survivor(survivor).Export();
        }

        EnsureLive();
        return new CustomerExport(View(), State.AbsorbedIds.ToArray(), clock.GetUtcNow());
    }

    /// <summary>
    /// Releases the customer's identities, then in one write empties the state, removes the read-model row, timeline and
    /// duplicate suggestions and labelled intent examples, and takes the customer off the stat cards (a workspace model that
    /// learnt from its messages retrains without them). Customers merged into this one hold personal data in their
    /// tombstones and are erased too. Safe to repeat.
    /// </summary>
    public async Task Erase(string actor)
    {
        if (State.MergedInto is { } survivor)
        {
            await Survivor(survivor).Erase(actor);
            return;
        }

        if (State.ErasedAt is not null)
        {
            return;
        }

        EnsureLive();
        await EraseHereAsync();
    }

    /// <summary>Erases this grain's own data whether it is live or a merged tombstone; used for the tombstones an erase reaches.</summary>
    public async Task EraseTombstone()
    {
        if (State.Exists && State.ErasedAt is null)
        {
            await EraseHereAsync();
        }
    }

    private async Task EraseHereAsync()
    {
        foreach (var identity in State.Identities)
        {
            await GrainFactory.GetGrain<IIdentityGrain>(IdentityKey.For(Workspace, identity)).Release(CustomerId);
        }

        foreach (var absorbed in State.AbsorbedIds)
        {
            await GrainFactory.GetGrain<ICustomerGrain>(Crm.Grains.Workspaces.WorkspaceKeys.Compose(Workspace, absorbed)).EraseTombstone();
        }

        var now = clock.GetUtcNow();
        var taught = State.TaughtIntentModel;
        await MutateAsync(async () =>
        {
            var erased = new CustomerState
            {
                Exists = true,
                ErasedAt = now,
                MergedInto = State.MergedInto,
                FirstSeen = State.FirstSeen,
                TimelineSequence = State.TimelineSequence,
                LegacyEvents = State.LegacyEvents,
            };
            customer.State = erased;
            await CommitAsync(now, [], [new CustomerErasure(Workspace, CustomerId)]);
        });

        // The erase took the customer's labelled examples out of the store; the model trained on them must forget them too.
        if (taught)
        {
            await GrainFactory.GetGrain<IIntentModelGrain>(Workspace).CorrectionsArrived();
        }
    }
}
