using System.Text.Json.Serialization;
using Crm.Grains.Serialization;
using Orleans;

namespace Crm.Grains.Intents;

/// <summary>What produced one reason of an intent signal: the dashboard groups, icons and links reasons by it.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<IntentReasonKind>))]
[GenerateSerializer]
[Alias("crm.IntentReasonKind")]
public enum IntentReasonKind
{
    /// <summary>An inbound message the text model read.</summary>
    Message,
    PricingView,
    CartView,
    Order,

    /// <summary>The customer's recent messages are negative: an upset customer is support, not a sale.</summary>
    Sentiment,

    /// <summary>Inbound messages with no reply from the team past <see cref="ConversationPatterns.UnansweredAfter"/>.</summary>
    Unanswered,

    /// <summary>A conversation the customer reopened at least <see cref="ConversationPatterns.ReopenedTimes"/> times.</summary>
    Reopened,

    /// <summary>The team's latest reply in a conversation came at least <see cref="ConversationPatterns.SlowReplyAfter"/> after the customer wrote.</summary>
    SlowReply,

    /// <summary>No contact past the workspace's at-risk threshold.</summary>
    Silence,

    /// <summary>Messages or conversations, but nothing lately that says sales or support.</summary>
    InTouch,

    /// <summary>Nothing heard yet.</summary>
    NoConversation,

    /// <summary>An agent confirmed or corrected the intent (<see cref="IntentCorrectionRules"/>).</summary>
    Agent,
}
