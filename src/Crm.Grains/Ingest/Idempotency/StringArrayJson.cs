using System.Text.Json.Serialization;

namespace Crm.Grains.Ingest.Idempotency;

/// <summary>SQLite receives a batch of ids as one JSON array, read back with <c>json_each</c>.</summary>
[JsonSerializable(typeof(string[]))]
internal sealed partial class StringArrayJson : JsonSerializerContext;
