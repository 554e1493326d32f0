using System.Text.Json.Serialization;

namespace Crm.Silo.CrashWriter;

public sealed class LedgerState
{
    public long Value { get; set; }
}

[JsonSerializable(typeof(LedgerState))]
internal sealed partial class LedgerJsonContext : JsonSerializerContext;
