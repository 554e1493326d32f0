using Orleans;

namespace Crm.Grains.Intents;

/// <summary>What a workspace's intent model grain persists: the version served and what it learnt, and whether corrections wait for a retraining.</summary>
[GenerateSerializer]
[Alias("crm.IntentModelState")]
public sealed class IntentModelState
{
    /// <summary>0 while the workspace serves the shipped model; each retraining stores the next.</summary>
    [Id(0)]
    public int Version { get; set; }

    [Id(1)]
    public DateTimeOffset? TrainedAt { get; set; }

    /// <summary>How many of the workspace's labelled examples the served version learnt from.</summary>
    [Id(2)]
    public int ExamplesLearnt { get; set; }

    /// <summary>The served version's held-out figures; null while the shipped model serves.</summary>
    [Id(3)]
    public IntentModelFigures? Figures { get; set; }

    /// <summary>When the oldest correction not yet learnt arrived; null when none waits.</summary>
    [Id(4)]
    public DateTimeOffset? PendingSince { get; set; }
}
