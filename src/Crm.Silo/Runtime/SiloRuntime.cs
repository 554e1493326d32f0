using System.Collections.Concurrent;
using System.Reflection;
using Crm.Silo.Diagnostics;
using Crm.Silo.Hosting;
using Crm.Silo.Storage;
using Microsoft.Extensions.Logging;

namespace Crm.Silo.Runtime;

/// <summary>
/// The silo: grain references out, one activation per grain id, idle collection and the response-timeout backstop,
/// graceful shutdown. Knows grain classes only through their attributes and interfaces.
/// </summary>
public sealed class SiloRuntime : IGrainFactory, IAsyncDisposable
{
    private readonly ConcurrentDictionary<GrainId, Activation> _activations = new();
    private readonly ConcurrentDictionary<Type, GrainInterfaceInfo> _interfaces = new();
    private readonly Dictionary<Type, GrainTypeInfo> _interfaceImplementations = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly IGrainStorage _storage;
    private readonly GroupCommitter _committer;
    private Task? _collector;
    private Task? _stopped;

    internal SiloRuntime(SiloOptions options, IServiceProvider services, ILoggerFactory loggerFactory)
    {
        Options = options;
        Services = services;
        Log = new SiloLog(loggerFactory.CreateLogger("Crm.Silo"));
        Metrics = new SiloMetrics(() => _activations.Count, () => _activations.Values.Sum(activation => (long)activation.QueuedCalls));
        options.Validate();
        foreach (var grainClass in options.GrainClasses)
        {
            var type = new GrainTypeInfo(grainClass);
            foreach (var grainInterface in grainClass.GetInterfaces().Where(i => typeof(IGrain).IsAssignableFrom(i) && i != typeof(IGrain) && i != typeof(IGrainWithStringKey)))
            {
                if (_interfaceImplementations.TryGetValue(grainInterface, out var other))
                {
                    throw new InvalidOperationException($"{grainInterface.Name} is implemented by both {other.ClassType.Name} and {grainClass.Name}.");
                }

                _interfaceImplementations[grainInterface] = type;
            }
        }

        _storage = (options.StorageFactory ?? (_ => new MemoryGrainStorage()))(services);
        _committer = new GroupCommitter(_storage, options.GroupCommit, Metrics);
        StateStore = new StateStore(_storage, _committer, options.BuildJsonOptions(), options.RowWriters);
    }

    public SiloMetrics Metrics { get; }

    public int ActivationCount => _activations.Count;

    public IGrainStorage Storage => _storage;

    internal SiloOptions Options { get; }

    internal IServiceProvider Services { get; }

    internal SiloLog Log { get; }

    internal StateStore StateStore { get; }

    internal CancellationToken Stopping => _stopping.Token;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _storage.InitializeAsync(Options.RowWriters, cancellationToken);
        _collector = Task.Run(CollectLoopAsync, CancellationToken.None);
        Log.Started(Options.GrainClasses.Count, _storage.GetType().Name);
    }

    public TGrainInterface GetGrain<TGrainInterface>(string key) where TGrainInterface : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!_interfaces.TryGetValue(typeof(TGrainInterface), out var grainInterface))
        {
            grainInterface = _interfaces.GetOrAdd(typeof(TGrainInterface), Describe);
        }

        var reference = DispatchProxy.Create(typeof(TGrainInterface), typeof(GrainReference));
        ((GrainReference)reference).Bind(this, grainInterface, new GrainId(grainInterface.Implementation.Name, key));
        return (TGrainInterface)reference;
    }

    private GrainInterfaceInfo Describe(Type interfaceType) =>
        _interfaceImplementations.TryGetValue(interfaceType, out var implementation)
            ? new GrainInterfaceInfo(interfaceType, implementation)
            : throw new InvalidOperationException($"No registered grain class implements {interfaceType.Name}: add it with AddGrain or AddGrainsFromAssembly.");

    internal Activation GetOrAddActivation(GrainId id, GrainTypeInfo type)
    {
        if (_activations.TryGetValue(id, out var existing))
        {
            return existing;
        }

        if (_stopping.IsCancellationRequested)
        {
            throw new InvalidOperationException($"The silo is stopping: {id} cannot be activated.");
        }

        return _activations.GetOrAdd(id, static (grainId, state) => new Activation(grainId, state.type, state.runtime), (type, runtime: this));
    }

    internal void Remove(Activation activation) => _activations.TryRemove(new KeyValuePair<GrainId, Activation>(activation.Id, activation));

    internal void Forward(Request call)
    {
        try
        {
            GetOrAddActivation(call.Target.Id, call.Target.Type).EnqueueCall(call);
        }
        catch (Exception exception)
        {
            call.FailCaller(exception);
        }
    }

    internal TimeSpan CollectionAgeOf(GrainTypeInfo type) => type.CollectionAge ?? Options.DefaultCollectionAge;

    /// <summary>Sweeps often enough for both idle collection and the response timeout to act within a fraction of their period.</summary>
    private async Task CollectLoopAsync()
    {
        var period = TimeSpan.FromTicks(Math.Min(Options.CollectionQuantum.Ticks, Options.ResponseTimeout.Ticks / 3));
        using var timer = new PeriodicTimer(period);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token))
            {
                SweepOnce();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>
    /// Asks idle activations to collect themselves, and activations with callers waiting or a turn running past the
    /// response timeout to fail those callers. Enumerates the directory without locking it.
    /// </summary>
    internal void SweepOnce()
    {
        var now = Environment.TickCount64;
        var overdueTicks = (long)(Options.ResponseTimeout.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
        var timestamp = System.Diagnostics.Stopwatch.GetTimestamp();
        foreach (var (_, activation) in _activations)
        {
            var busySince = activation.BusySince;
            if (activation.QueuedCalls > 0 || (busySince != 0 && timestamp - busySince > overdueTicks))
            {
                activation.Enqueue(new ControlSignal(ControlSignal.Kind.ExpireOverdue));
            }
            else if (busySince == 0 && now - activation.LastActivity >= (long)CollectionAgeOf(activation.Type).TotalMilliseconds)
            {
                activation.Enqueue(new ControlSignal(ControlSignal.Kind.CollectIfIdle));
            }
        }
    }

    /// <summary>
    /// Graceful stop: no new activations, every activation deactivated (its grain may persist in OnDeactivateAsync), every
    /// queued write stored. Every caller of it waits for the same stop.
    /// </summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_stopping)
        {
            return _stopped ??= StopOnceAsync(cancellationToken);
        }
    }

    private async Task StopOnceAsync(CancellationToken cancellationToken)
    {
        _stopping.Cancel();
        if (_collector is not null)
        {
            await _collector;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Options.ShutdownTimeout);
        var deactivated = 0;
        try
        {
            // A caller that passed the stopping check just before it was set may still add an activation: sweep until none is left.
            while (!_activations.IsEmpty)
            {
                var activations = _activations.Select(pair => pair.Value).ToArray();
                await Task.WhenAll(activations.Select(activation => activation.DeactivateAsync(DeactivationReason.ShuttingDown))).WaitAsync(timeout.Token);
                deactivated += activations.Length;
            }
        }
        catch (OperationCanceledException)
        {
            Log.StopTimedOut(_activations.Count);
        }

        await _committer.DisposeAsync();
        Log.Stopped(deactivated);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        await _storage.DisposeAsync();
        Metrics.Dispose();
        _stopping.Dispose();
    }
}
