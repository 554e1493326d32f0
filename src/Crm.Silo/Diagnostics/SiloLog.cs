using Microsoft.Extensions.Logging;

namespace Crm.Silo.Diagnostics;

/// <summary>The runtime's log events, each carrying the grain id.</summary>
internal sealed partial class SiloLog(ILogger logger)
{
    [LoggerMessage(1, LogLevel.Warning, "Activation of {GrainId} failed; its waiting calls fail with the same error")]
    public partial void ActivationFailed(Exception exception, GrainId grainId);

    [LoggerMessage(2, LogLevel.Error, "Timer callback of {GrainId} failed")]
    public partial void TimerFailed(Exception exception, GrainId grainId);

    [LoggerMessage(3, LogLevel.Error, "A continuation of {GrainId} threw outside any request")]
    public partial void ContinuationFailed(Exception exception, GrainId grainId);

    [LoggerMessage(4, LogLevel.Critical, "The scheduling loop of {GrainId} failed")]
    public partial void ActivationLoopFailed(Exception exception, GrainId grainId);

    [LoggerMessage(5, LogLevel.Information, "Silo started with {GrainTypes} grain types on {Storage} storage")]
    public partial void Started(int grainTypes, string storage);

    [LoggerMessage(6, LogLevel.Information, "Silo stopped: {Activations} activations deactivated, state flushed")]
    public partial void Stopped(int activations);

    [LoggerMessage(7, LogLevel.Warning, "Silo stop timed out with {Remaining} activations still deactivating")]
    public partial void StopTimedOut(int remaining);

    [LoggerMessage(8, LogLevel.Error, "OnDeactivateAsync of {GrainId} failed; the activation is gone all the same")]
    public partial void DeactivationFailed(Exception exception, GrainId grainId);
}
