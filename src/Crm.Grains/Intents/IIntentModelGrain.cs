using Orleans;
using Orleans.Concurrency;

namespace Crm.Grains.Intents;

/// <summary>
/// One workspace's text model, keyed by the workspace: which version its messages are read with, and the retraining from
/// the shipped examples plus the workspace's corrections. Reads interleave with a retraining, so ingest never waits on one.
/// </summary>
public interface IIntentModelGrain : IGrainWithStringKey
{
    /// <summary>The version to read messages with; 0 is the shipped model.</summary>
    [AlwaysInterleave]
    Task<int> CurrentVersion();

    [AlwaysInterleave]
    Task<IntentModelStatus> Describe();

    /// <summary>Labelled examples were stored or erased: retrain once corrections have been quiet for a while. The caller does not wait.</summary>
    [OneWay]
    Task CorrectionsArrived();
}
