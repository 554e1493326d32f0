using System.Globalization;
using Orleans;
using Orleans.Runtime;

namespace Crm.Silo.CrashWriter;

[GrainType("ledger")]
public sealed class LedgerGrain([PersistentState("ledger")] IPersistentState<LedgerState> ledger) : Grain, ILedgerGrain
{
    public async Task<long> Set(long value)
    {
        ledger.State.Value = value;
        await ledger.WriteStateAsync();
        return long.Parse(ledger.Etag!, CultureInfo.InvariantCulture);
    }
}
