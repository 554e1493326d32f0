using System.Text.Json.Serialization;
using Crm.Grains.Serialization;
using Orleans;
namespace Crm.Grains.Intents;

/// <summary>What a customer's recent behaviour suggests an agent should do.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<Intent>))]
[GenerateSerializer]
[Alias("crm.Intent")]
public enum Intent
{
    NoEngagement,
    General,
    Support,
    SalesOpportunity,
}
