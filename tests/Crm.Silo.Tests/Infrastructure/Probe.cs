using System.Collections.Concurrent;

namespace Crm.Silo.Tests.Infrastructure;

/// <summary>What test grains report to the test: activations, overlap, events. One per silo, injected into grains.</summary>
public sealed class Probe
{
    private int _inFlight;
    private int _maxInFlight;
    private int _executing;
    private int _maxExecuting;

    public ConcurrentDictionary<string, int> Activations { get; } = new();

    public ConcurrentDictionary<string, int> Deactivations { get; } = new();

    public ConcurrentQueue<string> Events { get; } = new();

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>The most threads ever inside a synchronous section of grain code at once: must stay 1 per activation.</summary>
    public int MaxExecuting => Volatile.Read(ref _maxExecuting);

    public void Enter()
    {
        var now = Interlocked.Increment(ref _inFlight);
        UpdateMax(ref _maxInFlight, now);
    }

    public void Exit() => Interlocked.Decrement(ref _inFlight);

    public void Execute(Action section)
    {
        var now = Interlocked.Increment(ref _executing);
        UpdateMax(ref _maxExecuting, now);
        try
        {
            section();
            Thread.SpinWait(200);
        }
        finally
        {
            Interlocked.Decrement(ref _executing);
        }
    }

    private static void UpdateMax(ref int max, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref max)) && Interlocked.CompareExchange(ref max, value, seen) != seen)
        {
        }
    }
}
