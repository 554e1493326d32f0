namespace Crm.Grains.Merge;

/// <summary>A test seam: called after each durable merge step, it may throw to simulate a crash there.</summary>
public interface IMergeFaults
{
    void After(MergePhase phase);
}

public sealed class NoMergeFaults : IMergeFaults
{
    public void After(MergePhase phase)
    {
    }
}
