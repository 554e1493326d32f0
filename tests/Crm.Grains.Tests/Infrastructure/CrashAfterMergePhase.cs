using Crm.Grains.Merge;

namespace Crm.Grains.Tests.Infrastructure;

/// <summary>Simulates a crash right after a merge phase became durable.</summary>
public sealed class CrashAfterMergePhase(MergePhase phase) : IMergeFaults
{
    public void After(MergePhase reached)
    {
        if (reached == phase)
        {
            throw new SimulatedCrashException(phase);
        }
    }
}

public sealed class SimulatedCrashException(MergePhase phase) : Exception($"simulated crash after {phase}");
