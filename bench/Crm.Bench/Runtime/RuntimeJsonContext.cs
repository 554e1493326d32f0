using System.Text.Json;
using System.Text.Json.Serialization;

namespace Crm.Bench.Runtime;

/// <summary>JSON contracts of the runtime suite's grain states, as the group-commit storage requires of every state.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(SmallState))]
internal sealed partial class RuntimeJsonContext : JsonSerializerContext;
