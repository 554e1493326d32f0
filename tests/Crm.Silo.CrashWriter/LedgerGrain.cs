using System.Globalization;

namespace Crm.Silo.CrashWriter;

public interface ILedgerGrain : IGrainWithStringKey
{
    /// <summary>Stores <paramref name="value"/> and returns the version it was stored as, once durable.</summary>
    Task<long> Set(long value);
}

public sealed class LedgerGrain([PersistentState("ledger")] IPersistentState<LedgerState> ledger) : Grain, ILedgerGrain
{
    public async Task<long> Set(long value)
    {
        ledger.State.Value = value;
        await ledger.WriteStateAsync();
        return long.Parse(ledger.ETag!, CultureInfo.InvariantCulture);
    }
}
