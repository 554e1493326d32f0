using Crm.Grains.Identities;
using Crm.Grains.Ingest;
using Crm.Grains.Ingest.Idempotency;
using Crm.Grains.Workspaces;

namespace Crm.Grains.Customers;

/// <summary>One sender's batch of events: applied in order in one turn, stored in one commit, each with its own outcome.</summary>
public sealed partial class CustomerGrain
{
    public async Task<IReadOnlyList<EventReceipt>> ApplyMany(IReadOnlyList<EngagementEvent> events, ChannelIdentity source, WorkspaceSettings settings)
    {
        if (State.MergedInto is { } survivor)
        {
            return await Survivor(survivor).ApplyMany(events, source, settings);
        }

        var now = clock.GetUtcNow();
        var appliedBefore = await AlreadyAppliedAsync(events, now);
        var receipts = new EventReceipt[events.Count];
        var fresh = new List<int>(events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            if (appliedBefore.Contains(events[i].Id))
            {
                receipts[i] = new EventReceipt(EventOutcome.Duplicate, CustomerId);
            }
            else if (EventValidation.Validate(events[i], settings.DefaultPhoneRegion) is { } invalid)
            {
                receipts[i] = new EventReceipt(EventOutcome.Rejected, CustomerId, invalid);
            }
            else
            {
                fresh.Add(i);
            }
        }

        if (fresh.Count == 0)
        {
            return receipts;
        }

        if (State.ErasedAt is not null)
        {
            throw new CustomerNotFoundException(CustomerId);
        }

        // Asked once for the batch, before anything changes: the workspace's model as this node serves it now.
        var intentModel = fresh.Exists(i => events[i] is { Type: EventType.MessageReceived, Direction: MessageDirection.Inbound, Text: not null })
            ? await intentReader.ModelAsync(Workspace)
            : null;
        await MutateAsync(async () =>
        {
            var timeline = new List<TimelineDraft>();
            var alsoWrite = new List<object>();
            // An id counts as seen only once accepted, as it would had the events come one request each.
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var i in fresh)
            {
                var @event = events[i];
                if (seen.Contains(@event.Id))
                {
                    receipts[i] = new EventReceipt(EventOutcome.Duplicate, CustomerId);
                    continue;
                }

                // Checked against the state left by the events before it, and before it touches anything, so a refused
                // event leaves nothing half-applied.
                if (BreaksStateRules(@event) is { } broken)
                {
                    receipts[i] = new EventReceipt(EventOutcome.Rejected, CustomerId, broken);
                    continue;
                }

                if (!State.Exists)
                {
                    Begin(@event.OccurredAt, source, timeline);
                }

                await ApplyEventAsync(@event, source, settings.DefaultPhoneRegion, intentModel, timeline, alsoWrite);
                alsoWrite.Add(new AppliedEventRow(Workspace, @event.Id, CustomerId, now));
                receipts[i] = new EventReceipt(EventOutcome.Accepted, CustomerId);
                seen.Add(@event.Id);
            }

            if (seen.Count > 0)
            {
                await CommitAsync(now, timeline, alsoWrite, settings);
            }
        });
        return receipts;
    }

    /// <summary>The ids of <paramref name="events"/> any customer of the workspace applied within the window, looked up together.</summary>
    private async Task<HashSet<string>> AlreadyAppliedAsync(IReadOnlyList<EngagementEvent> events, DateTimeOffset now)
    {
        State.LegacyEvents.Age(now, idempotency.Window);
        var since = now - idempotency.Window;
        var ids = events.Select(e => e.Id).Distinct(StringComparer.Ordinal).ToArray();
        var unknown = ids.Where(id => !State.LegacyEvents.Contains(id)).ToArray();
        // The ledger answers lookups waiting at the same moment with one query, so these go out together.
        var found = await Task.WhenAll(unknown.Select(id => appliedEvents.FindAsync(Workspace, id, since)));
        return ids.Except(unknown).Concat(unknown.Where((_, i) => found[i] is not null)).ToHashSet(StringComparer.Ordinal);
    }
}
