using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using Crm.Bench.Infrastructure;
using Crm.Grains.Ingest;

namespace Crm.Bench.Ingest;

/// <summary>
/// Channel adapters as a service sees them: each client posts a batch, waits for the answer (which comes once every
/// accepted event is durable), and posts the next. Events count when the service answered <c>accepted</c> for them.
/// A request the service shed (503 with <c>Retry-After</c>, nothing applied) is posted again after the wait it asks
/// (jittered by ±50 %), as an adapter does; its acknowledgement counts from the first post. Anything else — another error status, a rejected or
/// duplicate event — means the benchmark is broken and stops it. With
/// several nodes of one cluster, each client posts its batches to them in turn, starting at a different node.
/// </summary>
public static class IngestLoad
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<IngestMeasurement> RunAsync(
        IReadOnlyList<Uri> nodes, string key, string adapterPrefix, IngestShape shape, BenchPopulation population, TimeSpan warmup, TimeSpan phase, CpuMeter cpu, Action<double> progress)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = shape.Clients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromMinutes(2) };
        var endpoints = nodes.Select(node => new Uri(node, "/api/v1/events")).ToArray();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

        var accepted = new long[shape.Clients * 16];
        var messages = new long[shape.Clients * 16];
        var shed = new long[shape.Clients * 16];
        var recorders = Enumerable.Range(0, shape.Clients).Select(_ => new LatencyRecorder()).ToArray();
        var stop = false;
        var clients = Enumerable.Range(0, shape.Clients).Select(client => Task.Run(async () =>
        {
            var stream = new BenchEventStream(population, $"{adapterPrefix}-{client}", seed: client);
            for (var turn = client; !Volatile.Read(ref stop); turn++)
            {
                var batch = stream.Next(shape.BatchSize, DateTimeOffset.UtcNow);
                var payload = JsonSerializer.SerializeToUtf8Bytes(new { events = batch }, Json);
                var started = Stopwatch.GetTimestamp();
                while (true)
                {
                    using var body = new ByteArrayContent(payload);
                    body.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                    using var response = await http.PostAsync(endpoints[turn % endpoints.Length], body);
                    var answer = await response.Content.ReadAsByteArrayAsync();
                    if (IsShed(response) is { } retryAfter)
                    {
                        Interlocked.Increment(ref shed[client * 16]);

                        // Jittered, as adapters should: clients shed together would otherwise return together.
                        await Task.Delay(retryAfter * (0.5 + Random.Shared.NextDouble()));
                        continue;
                    }

                    recorders[client].Record(Stopwatch.GetTimestamp() - started);
                    Count(batch, response, answer, out var acceptedEvents, out var acceptedMessages);
                    Interlocked.Add(ref accepted[client * 16], acceptedEvents);
                    Interlocked.Add(ref messages[client * 16], acceptedMessages);
                    break;
                }
            }
        })).ToArray();

        var total = warmup + phase;
        var watch = Stopwatch.StartNew();
        using var ticker = new Timer(_ => progress(Math.Min(1, watch.Elapsed / total)), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(250));
        await WhileRunningAsync(clients, warmup);
        for (var i = 0; i < recorders.Length; i++)
        {
            recorders[i] = new LatencyRecorder();
        }

        var cpuBefore = await cpu.ReadAsync();
        var before = Sum(accepted);
        var shedBefore = Sum(shed);
        var measured = Stopwatch.StartNew();
        await WhileRunningAsync(clients, phase);
        var after = Sum(accepted);
        var shedDuring = Sum(shed) - shedBefore;
        var elapsed = measured.Elapsed;
        var (processCpu, databaseCpu) = CpuMeter.Between(cpuBefore, await cpu.ReadAsync());
        var latencies = recorders.ToArray();
        Volatile.Write(ref stop, true);
        await Task.WhenAll(clients);
        progress(1);
        if (after == before)
        {
            throw new InvalidOperationException(
                $"{adapterPrefix}: no batch was acknowledged in the {phase.TotalSeconds:N0} s measured: the service got too little CPU for a phase this short; run without --quick or on a quieter machine");
        }

        var events = after - before;
        return new IngestMeasurement(
            (after - before) / elapsed.TotalSeconds, LatencyRecorder.Merge(latencies), Sum(messages),
            processCpu.TotalMicroseconds / events, databaseCpu.TotalMicroseconds / events, shedDuring);
    }

    /// <summary>The wait a shed request (503 with <c>Retry-After</c>) asks for, or null for any other answer.</summary>
    public static TimeSpan? IsShed(HttpResponseMessage response) =>
        response.StatusCode == System.Net.HttpStatusCode.ServiceUnavailable && response.Headers.RetryAfter?.Delta is { } delay ? delay : null;

    /// <summary>Waits out the time, but surfaces at once a client that failed.</summary>
    private static async Task WhileRunningAsync(Task[] clients, TimeSpan duration)
    {
        var delay = Task.Delay(duration);
        var first = await Task.WhenAny(clients.Append(delay));
        if (first != delay)
        {
            await first;
            throw new InvalidOperationException("an adapter stopped early: the benchmark is broken");
        }
    }

    /// <summary>The events and messages of a batch the service accepted, all of them, or the benchmark is broken.</summary>
    public static void Count(EngagementEvent[] batch, HttpResponseMessage response, byte[] answer, out long acceptedEvents, out long acceptedMessages)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"the service answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(answer)}");
        }

        var results = JsonSerializer.Deserialize<BatchAnswer>(answer, Json)?.Results ?? [];
        if (results.Length != batch.Length)
        {
            throw new InvalidOperationException($"the service answered {results.Length} outcomes for {batch.Length} events");
        }

        acceptedEvents = 0;
        acceptedMessages = 0;
        for (var i = 0; i < results.Length; i++)
        {
            if (results[i].Status != "accepted")
            {
                throw new InvalidOperationException($"event {batch[i].Id} was {results[i].Status}: every benchmark event is new and valid");
            }

            acceptedEvents++;
            if (batch[i].Type == EventType.MessageReceived)
            {
                acceptedMessages++;
            }
        }
    }

    private static long Sum(long[] counts)
    {
        long total = 0;
        for (var i = 0; i < counts.Length; i += 16)
        {
            total += Interlocked.Read(ref counts[i]);
        }

        return total;
    }

    private sealed record BatchAnswer(Outcome[] Results);

    private sealed record Outcome(string Status);
}
