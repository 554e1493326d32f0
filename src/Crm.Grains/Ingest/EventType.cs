using System.Text.Json.Serialization;
using Crm.Grains.Serialization;
namespace Crm.Grains.Ingest;

[JsonConverter(typeof(SnakeCaseEnumConverter<EventType>))]
public enum EventType
{
    MessageReceived,
    ConversationOpened,
    ConversationClosed,
    CsatSubmitted,
    OrderPlaced,
    OrderRefunded,
    PageViewed,
    Identify,
}
