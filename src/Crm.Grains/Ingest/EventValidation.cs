using Crm.Grains.Identities;
using Crm.Grains.Validation;

namespace Crm.Grains.Ingest;

/// <summary>What each event type requires. An event that breaks a rule is rejected whole and changes nothing.</summary>
public static class EventValidation
{
    public const int MaxIdLength = 200;
    public const int MaxTextLength = 20_000;
    public const decimal MaxAmount = 1_000_000_000m;

    public static ValidationError? Validate(EngagementEvent @event, string phoneRegion)
    {
        if (string.IsNullOrWhiteSpace(@event.Id) || @event.Id.Length > MaxIdLength || @event.Id.Any(char.IsControl))
        {
            return new ValidationError("id", $"must be 1 to {MaxIdLength} printable characters");
        }

        var identity = IdentityNormalizer.Normalize(@event.Channel, @event.Identity, phoneRegion);
        if (!identity.IsValid)
        {
            return new ValidationError("identity", identity.Error!);
        }

        if (@event.OccurredAt.Year is < 2000 or > 2100)
        {
            return new ValidationError("occurredAt", "must be a date between 2000 and 2100");
        }

        return @event.Type switch
        {
            EventType.MessageReceived => Conversation(@event) ?? ProfileRules.FreeText(@event.Text, MaxTextLength, "text"),
            EventType.ConversationOpened or EventType.ConversationClosed => Conversation(@event),
            EventType.CsatSubmitted when @event.Score is not (>= 1 and <= 5) => new ValidationError("score", "must be an integer from 1 to 5"),
            EventType.CsatSubmitted => null,
            EventType.OrderPlaced or EventType.OrderRefunded => Order(@event),
            EventType.PageViewed when @event.Url is null || !ProfileRules.IsHttpUrl(@event.Url) => new ValidationError("url", "must be an http or https URL"),
            EventType.PageViewed => null,
            EventType.Identify => Identify(@event, phoneRegion),
            _ => new ValidationError("type", "is not a known event type"),
        };
    }

    private static ValidationError? Conversation(EngagementEvent @event) =>
        IsPrintableId(@event.ConversationId) ? null : new ValidationError("conversationId", $"is required: 1 to {MaxIdLength} printable characters");

    private static ValidationError? Order(EngagementEvent @event) => @event switch
    {
        { OrderId: var orderId } when !IsPrintableId(orderId) => new ValidationError("orderId", $"is required: 1 to {MaxIdLength} printable characters"),
        { Amount: null } => new ValidationError("amount", "is required"),
        { Amount: < 0 or > MaxAmount } => new ValidationError("amount", "must be between 0 and 1,000,000,000"),
        { Currency: null } => new ValidationError("currency", "is required: a three-letter ISO 4217 code"),
        { Currency: var currency } when currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper) => new ValidationError("currency", "must be a three-letter upper-case ISO 4217 code"),
        _ => null,
    };

    /// <summary>Ids are stored and shown: control characters (a NUL byte cannot even be stored) are refused.</summary>
    private static bool IsPrintableId(string? id) => !string.IsNullOrWhiteSpace(id) && id.Length <= MaxIdLength && !id.Any(char.IsControl);

    private static ValidationError? Identify(EngagementEvent @event, string phoneRegion)
    {
        if (@event.Traits is null)
        {
            return new ValidationError("traits", "is required for identify");
        }

        if (@event.Traits.Profile is { } profile && ProfileRules.Normalize(profile, phoneRegion, "traits.profile.").Error is { } profileError)
        {
            return profileError;
        }

        var identities = @event.Traits.Identities ?? [];
        for (var i = 0; i < identities.Count; i++)
        {
            var normalized = IdentityNormalizer.Normalize(identities[i].Channel, identities[i].Value, phoneRegion);
            if (!normalized.IsValid)
            {
                return new ValidationError($"traits.identities[{i}].value", normalized.Error!);
            }
        }

        if (identities.Count > 20)
        {
            return new ValidationError("traits.identities", "must list at most 20 identities");
        }

        if (@event.Traits.Attributes?.Count > ProfileRules.MaxAttributes)
        {
            return new ValidationError("traits.attributes", $"must hold at most {ProfileRules.MaxAttributes} attributes");
        }

        foreach (var (name, value) in @event.Traits.Attributes ?? new Dictionary<string, Customers.AttributeValue>())
        {
            if (ProfileRules.Attribute(name, value, $"traits.attributes.{name}") is { } attributeError)
            {
                return attributeError;
            }
        }

        return null;
    }
}
