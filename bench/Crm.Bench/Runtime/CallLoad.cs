using System.Diagnostics;
using Crm.Bench.Infrastructure;

namespace Crm.Bench.Runtime;

/// <summary>Closed-loop load: each caller awaits its call and sends the next; throughput and latency over a measured phase after a warm-up.</summary>
public static class CallLoad
{
    public static async Task<(double CallsPerSecond, LatencyRecorder Latency)> RunAsync(int callers, TimeSpan warmup, TimeSpan phase, Func<int, long, Task> call)
    {
        var counts = new long[callers * 16];
        var recorders = Enumerable.Range(0, callers).Select(_ => new LatencyRecorder()).ToArray();
        var stop = false;
        var loops = Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            long iteration = 0;
            while (!Volatile.Read(ref stop))
            {
                var started = Stopwatch.GetTimestamp();
                await call(caller, iteration++);
                recorders[caller].Record(Stopwatch.GetTimestamp() - started);
                counts[caller * 16]++;
            }
        })).ToArray();

        await Task.Delay(warmup);
        for (var i = 0; i < callers; i++)
        {
            recorders[i] = new LatencyRecorder();
        }

        var before = Sum(counts);
        var watch = Stopwatch.StartNew();
        await Task.Delay(phase);
        var after = Sum(counts);
        var elapsed = watch.Elapsed;
        var measured = recorders.ToArray();
        Volatile.Write(ref stop, true);
        await Task.WhenAll(loops);
        return ((after - before) / elapsed.TotalSeconds, LatencyRecorder.Merge(measured));
    }

    private static long Sum(long[] counts)
    {
        long total = 0;
        for (var i = 0; i < counts.Length; i += 16)
        {
            total += Volatile.Read(ref counts[i]);
        }

        return total;
    }
}
