using System.Text.Json.Serialization;
using Crm.Grains.Serialization;
using Orleans;
namespace Crm.Grains.Customers;

/// <summary>Where a customer stands; ordered so that a merge can keep "the further one".</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<Lifecycle>))]
[GenerateSerializer]
[Alias("crm.Lifecycle")]
public enum Lifecycle
{
    Lead,
    Customer,
    Active,
    AtRisk,
    Churned,
    Vip,
}
