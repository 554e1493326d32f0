using System.Text.Json.Serialization;
using Crm.Grains.Serialization;
namespace Crm.Grains.Intents;

/// <summary>What a customer's recent behaviour suggests an agent should do.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<Intent>))]
public enum Intent
{
    NoEngagement,
    General,
    Support,
    SalesOpportunity,
}
