using System.Diagnostics;

namespace Crm.Bench.Infrastructure;

/// <summary>
/// Latency histogram with logarithmic buckets (about 3% wide), one per worker so recording takes no lock;
/// merged at the end for percentiles.
/// </summary>
public sealed class LatencyRecorder
{
    private const int BucketsPerDoubling = 24;
    private const int Buckets = 64 * BucketsPerDoubling;
    private readonly long[] _counts = new long[Buckets];

    public long Count { get; private set; }

    public void Record(long elapsedTicks)
    {
        var nanoseconds = Math.Max(1, elapsedTicks * 1_000_000_000.0 / Stopwatch.Frequency);
        var bucket = Math.Clamp((int)(Math.Log2(nanoseconds) * BucketsPerDoubling), 0, Buckets - 1);
        _counts[bucket]++;
        Count++;
    }

    public static LatencyRecorder Merge(IEnumerable<LatencyRecorder> recorders)
    {
        var merged = new LatencyRecorder();
        foreach (var recorder in recorders)
        {
            for (var i = 0; i < Buckets; i++)
            {
                merged._counts[i] += recorder._counts[i];
            }

            merged.Count += recorder.Count;
        }

        return merged;
    }

    /// <summary>The latency at or below which <paramref name="percentile"/> percent of samples fall, in microseconds.</summary>
    public double PercentileMicroseconds(double percentile)
    {
        if (Count == 0)
        {
            return 0;
        }

        var target = (long)Math.Ceiling(Count * percentile / 100.0);
        long seen = 0;
        for (var i = 0; i < Buckets; i++)
        {
            seen += _counts[i];
            if (seen >= target)
            {
                return Math.Pow(2, (i + 1.0) / BucketsPerDoubling) / 1000.0;
            }
        }

        return double.NaN;
    }
}
