using System.Text.Json.Serialization;

namespace Crm.Silo.CrashWriter;

[JsonSerializable(typeof(LedgerState))]
internal sealed partial class LedgerJsonContext : JsonSerializerContext;
