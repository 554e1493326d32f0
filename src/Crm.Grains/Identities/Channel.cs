using System.Text.Json.Serialization;
using Crm.Grains.Serialization;
using Orleans;
namespace Crm.Grains.Identities;

/// <summary>The channels a customer can be reached on; each has its own identity normalization.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<Channel>))]
[GenerateSerializer]
[Alias("crm.Channel")]
public enum Channel
{
    Whatsapp,
    Sms,
    Phone,
    Email,
    Widget,
    Instagram,
}
