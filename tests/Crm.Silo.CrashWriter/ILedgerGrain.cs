using Orleans;

namespace Crm.Silo.CrashWriter;

public interface ILedgerGrain : IGrainWithStringKey
{
    /// <summary>Stores <paramref name="value"/> and returns the version it was stored as, once durable.</summary>
    Task<long> Set(long value);
}
