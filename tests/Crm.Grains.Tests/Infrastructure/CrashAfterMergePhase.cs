using Crm.Grains.Merge;

namespace Crm.Grains.Tests.Infrastructure;

/// <summary>Simulates a crash right after a merge phase became durable.</summary>
public sealed class CrashAfterMergePhase(MergePhase phase) : IMergeFaults
{
    public Task AfterAsync(MergePhase reached) =>
        reached == phase ? Task.FromException(new SimulatedCrashException(phase)) : Task.CompletedTask;
}

public sealed class SimulatedCrashException(MergePhase phase) : Exception($"simulated crash after {phase}");
