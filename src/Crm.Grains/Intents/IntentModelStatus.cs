using Orleans;
using Orleans.Concurrency;

namespace Crm.Grains.Intents;

/// <summary>A workspace's intent model as admins read it: the version served, what it learnt, and held-out figures before (shipped) and after (served).</summary>
[GenerateSerializer]
[Immutable]
[Alias("crm.IntentModelStatus")]
public sealed record IntentModelStatus(
    [property: Id(0)] int Version,
    [property: Id(1)] DateTimeOffset? TrainedAt,
    [property: Id(2)] int ExamplesLearnt,
    [property: Id(3)] bool RetrainPending,
    [property: Id(4)] IntentModelFigures Before,
    [property: Id(5)] IntentModelFigures After);
