using Crm.Grains.Customers;
using Crm.Grains.Identities;
using Crm.Grains.Validation;
using Crm.Grains.Workspaces;
using Orleans;

namespace Crm.Grains.Ingest;

/// <summary>
/// The way into the customer model for channel adapters: validates an event against its workspace's rules, normalizes
/// its identity and hands it to that identity's grain. A rejected event changes nothing; an accepted one is durable.
/// </summary>
public sealed class EventIngestor(IGrainFactory grains, WorkspaceSettingsCache workspaceSettings)
{
    public async Task<IngestResult> IngestAsync(string workspaceId, EngagementEvent @event)
    {
        var settings = await workspaceSettings.GetAsync(workspaceId);
        if (EventValidation.Validate(@event, settings.DefaultPhoneRegion) is { } error)
        {
            return new IngestResult(IngestStatus.Rejected, error);
        }

        var identity = new ChannelIdentity(@event.Channel, IdentityNormalizer.Normalize(@event.Channel, @event.Identity, settings.DefaultPhoneRegion).Value!);
        var grain = grains.GetGrain<IIdentityGrain>(IdentityKey.For(workspaceId, identity));
        try
        {
            var receipt = await grain.Ingest(@event with { Identity = identity.Value }, settings);
            return new IngestResult(receipt.Outcome == EventOutcome.Accepted ? IngestStatus.Accepted : IngestStatus.Duplicate, CustomerId: receipt.CustomerId);
        }
        catch (DomainValidationException invalid)
        {
            return new IngestResult(IngestStatus.Rejected, invalid.Error);
        }
    }

    /// <summary>
    /// Ingests a request's events: those of one sender (by normalized identity) go to its customer as one batch, in the
    /// order given, applied in one turn and stored in one commit; senders run concurrently. Results come back in the
    /// order of <paramref name="events"/>.
    /// </summary>
    public async Task<IngestResult[]> IngestManyAsync(string workspaceId, IReadOnlyList<EngagementEvent> events)
    {
        var settings = await workspaceSettings.GetAsync(workspaceId);
        var results = new IngestResult[events.Count];
        var bySender = new Dictionary<string, List<(int Index, EngagementEvent Event)>>(StringComparer.Ordinal);
        for (var i = 0; i < events.Count; i++)
        {
            var @event = events[i];
            if (EventValidation.Validate(@event, settings.DefaultPhoneRegion) is { } error)
            {
                results[i] = new IngestResult(IngestStatus.Rejected, error);
                continue;
            }

            var identity = new ChannelIdentity(@event.Channel, IdentityNormalizer.Normalize(@event.Channel, @event.Identity, settings.DefaultPhoneRegion).Value!);
            var key = IdentityKey.For(workspaceId, identity);
            if (!bySender.TryGetValue(key, out var sender))
            {
                bySender[key] = sender = [];
            }

            sender.Add((i, @event with { Identity = identity.Value }));
        }

        await Task.WhenAll(bySender.Select(async sender =>
        {
            var receipts = await grains.GetGrain<IIdentityGrain>(sender.Key).IngestMany(sender.Value.ConvertAll(item => item.Event), settings);
            for (var j = 0; j < receipts.Count; j++)
            {
                results[sender.Value[j].Index] = receipts[j].Outcome switch
                {
                    EventOutcome.Accepted => new IngestResult(IngestStatus.Accepted, CustomerId: receipts[j].CustomerId),
                    EventOutcome.Duplicate => new IngestResult(IngestStatus.Duplicate, CustomerId: receipts[j].CustomerId),
                    _ => new IngestResult(IngestStatus.Rejected, receipts[j].Error),
                };
            }
        }));
        return results;
    }
}
