using System.Text.Json.Serialization;
using Crm.Grains.Serialization;
using Orleans;

namespace Crm.Grains.Intents;

/// <summary>How a customer sounds in one message.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<Sentiment>))]
[GenerateSerializer]
[Alias("crm.Sentiment")]
public enum Sentiment
{
    Negative,
    Neutral,
    Positive,
}
