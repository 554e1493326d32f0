using Orleans;

namespace Crm.Silo.CrashWriter;

[GenerateSerializer]
[Alias("test.LedgerState")]
public sealed class LedgerState
{
    [Id(0)]
    public long Value { get; set; }
}
