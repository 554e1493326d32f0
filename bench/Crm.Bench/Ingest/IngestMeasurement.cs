using Crm.Bench.Infrastructure;

namespace Crm.Bench.Ingest;

/// <summary>
/// One service under load: accepted events per second over the measured phase, the latency of each batch's
/// acknowledgement, the messages the whole run (warm-up included) had acknowledged, to check against what is stored, and the CPU
/// the phase's events cost in this process (service and adapters) and in the database's backends, and the requests the
/// service shed during the phase (each posted again after its <c>Retry-After</c>).
/// </summary>
public sealed record IngestMeasurement(
    double EventsPerSecond, LatencyRecorder Latency, long AcceptedMessages, double ProcessCpuMicroseconds, double DatabaseCpuMicroseconds, long ShedRequests)
{
    public double CpuMicrosecondsPerEvent => ProcessCpuMicroseconds + DatabaseCpuMicroseconds;

    public double P50Milliseconds => Latency.PercentileMicroseconds(50) / 1000;

    public double P99Milliseconds => Latency.PercentileMicroseconds(99) / 1000;
}
