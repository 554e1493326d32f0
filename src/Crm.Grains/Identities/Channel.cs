using System.Text.Json.Serialization;
using Crm.Grains.Serialization;
namespace Crm.Grains.Identities;

/// <summary>The channels a customer can be reached on; each has its own identity normalization.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<Channel>))]
public enum Channel
{
    Whatsapp,
    Sms,
    Phone,
    Email,
    Widget,
    Instagram,
}
