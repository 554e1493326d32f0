using System.Text.Json.Serialization;
using Crm.Grains.Serialization;
namespace Crm.Grains.Customers;

/// <summary>What became of an engagement event: applied now, or already applied earlier (a retry).</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<EventOutcome>))]
public enum EventOutcome
{
    Accepted,
    Duplicate,
}
