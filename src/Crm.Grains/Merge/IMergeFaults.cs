namespace Crm.Grains.Merge;

/// <summary>A test seam: awaited after each durable merge step, it may throw to simulate a crash there, or hold the merge to line up a race.</summary>
public interface IMergeFaults
{
    Task AfterAsync(MergePhase phase);
}

public sealed class NoMergeFaults : IMergeFaults
{
    public Task AfterAsync(MergePhase phase) => Task.CompletedTask;
}
