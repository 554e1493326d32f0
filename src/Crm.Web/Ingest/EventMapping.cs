using Crm.Grains.Identities;
using Crm.Grains.Ingest;
using Crm.Grains.Validation;

namespace Crm.Web.Ingest;

/// <summary>Turns a posted event into the domain's <see cref="EngagementEvent"/>, or names the field that stops it.</summary>
public static class EventMapping
{
    private static readonly Dictionary<string, EventType> Types = Enum.GetValues<EventType>()
        .ToDictionary(type => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(type.ToString()));

    public static (EngagementEvent? Event, ValidationError? Error) Map(EventRequest request)
    {
        if (request.Id is null)
        {
            return (null, new ValidationError("id", "is required"));
        }

        if (request.Type is null || !Types.TryGetValue(request.Type, out var type))
        {
            return (null, new ValidationError("type", $"must be one of {string.Join(", ", Types.Keys)}"));
        }

        if (!ChannelNames.TryParse(request.Channel, out var channel))
        {
            return (null, new ValidationError("channel", "must be one of whatsapp, sms, phone, email, widget, instagram"));
        }

        if (request.Identity is null)
        {
            return (null, new ValidationError("identity", "is required"));
        }

        if (request.OccurredAt is null)
        {
            return (null, new ValidationError("occurredAt", "is required: an ISO 8601 instant"));
        }

        var direction = request.Direction switch
        {
            null or "inbound" => MessageDirection.Inbound,
            "outbound" => MessageDirection.Outbound,
            _ => (MessageDirection?)null,
        };
        if (direction is null)
        {
            return (null, new ValidationError("direction", "must be inbound or outbound"));
        }

        var identities = new List<ChannelIdentity>();
        foreach (var (identity, index) in (request.Traits?.Identities ?? []).Select((identity, index) => (identity, index)))
        {
            if (!ChannelNames.TryParse(identity.Channel, out var identityChannel) || identity.Value is null)
            {
                return (null, new ValidationError($"traits.identities[{index}]", "needs a known channel and a value"));
            }

            identities.Add(new ChannelIdentity(identityChannel, identity.Value));
        }

        return (new EngagementEvent
        {
            Id = request.Id,
            Type = type,
            Channel = channel,
            Identity = request.Identity,
            OccurredAt = request.OccurredAt.Value,
            ConversationId = request.ConversationId,
            Direction = direction.Value,
            Text = request.Text,
            Score = request.Score,
            OrderId = request.OrderId,
            Amount = request.Amount,
            Currency = request.Currency,
            Url = request.Url,
            Traits = request.Traits is null ? null : new Traits { Profile = request.Traits.Profile, Identities = identities, Attributes = request.Traits.Attributes },
        }, null);
    }
}
