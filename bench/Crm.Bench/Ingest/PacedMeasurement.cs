using Crm.Bench.Infrastructure;

namespace Crm.Bench.Ingest;

/// <summary>
/// A paced phase: the rate offered, the requests sent during the measured part and how many of them were shed, the
/// events acknowledged per second of it, the latencies of acknowledged and of shed requests, and every message
/// acknowledged (warm-up included), to check against what is stored.
/// </summary>
public sealed record PacedMeasurement(
    double OfferedEventsPerSecond, long OfferedRequests, long ShedRequests, double AcceptedEventsPerSecond, LatencyRecorder Accepted, LatencyRecorder Shed, long AcceptedMessages)
{
    public double ShedShare => OfferedRequests == 0 ? 0 : (double)ShedRequests / OfferedRequests;
}
