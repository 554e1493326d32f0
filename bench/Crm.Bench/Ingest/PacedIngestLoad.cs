using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using Crm.Bench.Infrastructure;
using Crm.Grains.Ingest;

namespace Crm.Bench.Ingest;

/// <summary>
/// Adapters that post at a set rate whatever the service answers, as traffic arrives from the channels: batches are
/// sent on a fixed schedule without waiting for earlier answers, so a slow service faces more and more requests in
/// flight instead of slower clients. Latency counts from each batch's scheduled time (a late send is the service's
/// delay too). A shed request (503 with <c>Retry-After</c>) is counted and not posted again; any other failure, a
/// rejected or duplicate event, stops the benchmark.
/// </summary>
public static class PacedIngestLoad
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<PacedMeasurement> RunAsync(
        Uri node, string key, string adapterPrefix, int batchSize, double eventsPerSecond, BenchPopulation population, TimeSpan warmup, TimeSpan phase, Action<double> progress)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 4096, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var endpoint = new Uri(node, "/api/v1/events");
        var stream = new BenchEventStream(population, adapterPrefix, seed: 1);
        var interval = Stopwatch.Frequency * batchSize / eventsPerSecond;
        var start = Stopwatch.GetTimestamp();
        var measuredFrom = start + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var end = measuredFrom + (long)(phase.TotalSeconds * Stopwatch.Frequency);
        var accepted = new LatencyRecorder();
        var shed = new LatencyRecorder();
        var gate = new Lock();
        long acceptedEvents = 0, acceptedMessages = 0;
        var sent = new List<Task>();

        async Task PostAsync(EngagementEvent[] batch, long scheduled, bool measured)
        {
            using var body = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(new { events = batch }, Json));
            body.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await http.PostAsync(endpoint, body);
            var answer = await response.Content.ReadAsByteArrayAsync();
            var elapsed = Stopwatch.GetTimestamp() - scheduled;
            if (IngestLoad.IsShed(response) is not null)
            {
                lock (gate)
                {
                    if (measured)
                    {
                        shed.Record(elapsed);
                    }
                }

                return;
            }

            IngestLoad.Count(batch, response, answer, out _, out var messages);
            lock (gate)
            {
                acceptedMessages += messages;
                if (measured)
                {
                    accepted.Record(elapsed);
                    acceptedEvents += batch.Length;
                }
            }
        }

        for (long n = 0; ; n++)
        {
            var scheduled = start + (long)(n * interval);
            if (scheduled >= end)
            {
                break;
            }

            var wait = scheduled - Stopwatch.GetTimestamp();
            if (wait > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency));
            }

            progress(Math.Min(1, (double)(Stopwatch.GetTimestamp() - start) / (end - start)));
            var batch = stream.Next(batchSize, DateTimeOffset.UtcNow);
            sent.Add(Task.Run(() => PostAsync(batch, scheduled, scheduled >= measuredFrom)));
        }

        await Task.WhenAll(sent);
        progress(1);
        return new PacedMeasurement(eventsPerSecond, accepted.Count + shed.Count, shed.Count, acceptedEvents / phase.TotalSeconds, accepted, shed, acceptedMessages);
    }
}
