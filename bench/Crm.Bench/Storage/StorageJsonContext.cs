using System.Text.Json;
using System.Text.Json.Serialization;

namespace Crm.Bench.Storage;

/// <summary>JSON contracts of the storage suite's state, as the group-commit storage requires of every state.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ProfileState))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
