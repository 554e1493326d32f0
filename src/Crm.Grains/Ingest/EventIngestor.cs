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
}
