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

    internal SiloRuntime(SiloOptions options, IServiceProvider services, ILoggerFactory loggerFactory)
    {
        Options = options;
        Services = services;
        Log = new SiloLog(loggerFactory.CreateLogger("Crm.Silo"));
        Metrics = new SiloMetrics(() => _activations.Count, () => _activations.Values.Sum(activation => (long)activation.QueuedCalls));
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
        var grainInterface = _interfaces.GetOrAdd(typeof(TGrainInterface), Describe);
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

    private async Task CollectLoopAsync()
    {
        using var timer = new PeriodicTimer(Options.CollectionQuantum);
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

    /// <summary>Asks idle activations to collect themselves and busy ones to fail callers waiting past the response timeout.</summary>
    internal void SweepOnce()
    {
        var now = Environment.TickCount64;
        var overdueTicks = (long)(Options.ResponseTimeout.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
        var timestamp = System.Diagnostics.Stopwatch.GetTimestamp();
        foreach (var activation in _activations.Values)
        {
            var busySince = activation.BusySince;
            if (busySince != 0 && timestamp - busySince > overdueTicks)
            {
                activation.Enqueue(new ControlSignal(ControlSignal.Kind.ExpireOverdue));
            }
            else if (busySince == 0 && now - activation.LastActivity >= (long)CollectionAgeOf(activation.Type).TotalMilliseconds)
            {
                activation.Enqueue(new ControlSignal(ControlSignal.Kind.CollectIfIdle));
            }
        }
    }

    /// <summary>Graceful stop: no new activations, every activation deactivated (its grain may persist in OnDeactivateAsync), every queued write stored.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        _stopping.Cancel();
        if (_collector is not null)
        {
            await _collector;
        }

        var activations = _activations.Values.ToArray();
        var deactivations = activations.Select(activation => activation.DeactivateAsync(DeactivationReason.ShuttingDown)).ToArray();
        var all = Task.WhenAll(deactivations);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Options.ShutdownTimeout);
        try
        {
            await all.WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Log.StopTimedOut(deactivations.Count(task => !task.IsCompleted));
        }

        await _committer.DisposeAsync();
        Log.Stopped(activations.Length);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        await _storage.DisposeAsync();
        Metrics.Dispose();
        _stopping.Dispose();
    }
}
