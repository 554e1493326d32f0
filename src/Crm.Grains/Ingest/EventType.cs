using System.Text.Json.Serialization;
using Crm.Grains.Serialization;
using Orleans;
namespace Crm.Grains.Ingest;

[JsonConverter(typeof(SnakeCaseEnumConverter<EventType>))]
[GenerateSerializer]
[Alias("crm.EventType")]
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
