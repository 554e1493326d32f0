using System.Diagnostics;
using Crm.Bench.Infrastructure;

namespace Crm.Bench.StateEncoding;

/// <summary>
/// Times several operations in alternating rounds on one thread. The machine is shared, so a burst of someone else's load
/// lands on every operation alike rather than on whichever ran then: their ratios hold while absolute figures wander.
/// Each operation's time is its median round, which drops the rounds a burst hit hardest.
/// </summary>
public static class InterleavedTimer
{
    private const int Rounds = 9;

    /// <summary>Each operation runs for the settings' warm-up, then for the settings' phase split into rounds.</summary>
    public static IReadOnlyDictionary<string, OperationCost> Measure(BenchSettings settings, IReadOnlyList<(string Name, Func<object> Operation)> operations)
    {
        // Long enough for tiered compilation and dynamic PGO to reach the code the measured rounds run.
        foreach (var (_, operation) in operations)
        {
            RunFor(operation, settings.Warmup);
        }

        var slice = settings.Phase / Rounds;
        var microseconds = operations.Select(_ => new double[Rounds]).ToArray();
        var allocated = new long[operations.Count];
        var calls = new long[operations.Count];
        for (var round = 0; round < Rounds; round++)
        {
            for (var i = 0; i < operations.Count; i++)
            {
                var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
                var (count, elapsed) = RunFor(operations[i].Operation, slice);
                allocated[i] += GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
                calls[i] += count;
                microseconds[i][round] = elapsed.TotalMicroseconds / count;
            }
        }

        return operations.Select((operation, i) => (operation.Name, Cost: new OperationCost(Median(microseconds[i]), allocated[i] / (double)calls[i])))
            .ToDictionary(entry => entry.Name, entry => entry.Cost);
    }

    /// <summary>Calls until the time is up; timestamps rather than a Stopwatch object, so the loop itself allocates nothing.</summary>
    private static (long Calls, TimeSpan Elapsed) RunFor(Func<object> operation, TimeSpan duration)
    {
        var start = Stopwatch.GetTimestamp();
        long calls = 0;
        object? last = null;
        TimeSpan elapsed;
        do
        {
            last = operation();
            calls++;
            elapsed = Stopwatch.GetElapsedTime(start);
        }
        while (elapsed < duration);

        GC.KeepAlive(last);
        return (calls, elapsed);
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
