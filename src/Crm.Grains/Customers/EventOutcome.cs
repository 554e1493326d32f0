using System.Text.Json.Serialization;
using Crm.Grains.Serialization;
using Orleans;
namespace Crm.Grains.Customers;

/// <summary>What became of an engagement event: applied now, already applied earlier (a retry), or refused by a rule.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<EventOutcome>))]
[GenerateSerializer]
[Alias("crm.EventOutcome")]
public enum EventOutcome
{
    Accepted,
    Duplicate,
    Rejected,
}
