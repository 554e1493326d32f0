using System.Text.Json.Serialization;
using Crm.Grains.Serialization;
using Orleans;

namespace Crm.Grains.Access;

/// <summary>What a key may do: a channel key only ingests events; an agent reads and edits customers; an admin also manages keys and settings.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<KeyRole>))]
[GenerateSerializer]
[Alias("crm.KeyRole")]
public enum KeyRole
{
    Channel,
    Agent,
    Admin,
}
