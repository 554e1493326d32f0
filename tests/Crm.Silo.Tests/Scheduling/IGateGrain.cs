using Orleans;

namespace Crm.Silo.Tests.Scheduling;

public interface IGateGrain : IGrainWithStringKey
{
    /// <summary>Holds this activation's turn until the test opens the gate.</summary>
    Task WaitForGate();

    Task<int> Increment();
}
