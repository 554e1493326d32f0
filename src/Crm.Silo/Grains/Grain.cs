using Crm.Silo.Runtime;

namespace Crm.Silo;

/// <summary>
/// Base class of every grain: one activation per key, one request at a time unless marked
/// <see cref="ReentrantAttribute"/>, state loaded before <see cref="OnActivateAsync"/>.
/// </summary>
public abstract class Grain
{
    private readonly Activation _activation;

    protected Grain()
    {
        _activation = Activation.Constructing
            ?? throw new InvalidOperationException($"{GetType().Name} is a grain: get it with IGrainFactory.GetGrain, never with new.");
    }

    public GrainId GrainId => _activation.Id;

    protected IGrainFactory GrainFactory => _activation.Runtime;

    public string GetPrimaryKeyString() => _activation.Id.Key;

    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Deactivates this activation once the current request has finished.</summary>
    protected void DeactivateOnIdle() => _activation.RequestDeactivation(DeactivationReason.ApplicationRequested);

    /// <summary>
    /// A timer whose ticks are turns of this grain: never overlapping (the next period starts when a tick finishes),
    /// never running beside another request unless <see cref="GrainTimerOptions.Interleave"/> is set.
    /// Without <see cref="GrainTimerOptions.KeepAlive"/> it does not keep the grain from idle collection.
    /// </summary>
    protected IDisposable RegisterGrainTimer(Func<CancellationToken, Task> callback, GrainTimerOptions options) =>
        _activation.RegisterTimer(callback, options);

    protected IDisposable RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period) =>
        RegisterGrainTimer(callback, new GrainTimerOptions { DueTime = dueTime, Period = period });
}
