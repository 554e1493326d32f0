using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Spectre.Console;

namespace Crm.Bench.Push;

/// <summary>
/// The two sides of a push measurement: dashboards, each watching one page of rows, and 16 adapters posting batches of
/// 100 message events at a steady rate, each noting when a batch was sent, when it was acknowledged and the message
/// count each customer's row will carry once that batch is applied.
/// </summary>
public static class PushLoad
{
    /// <summary>The dashboards that parse what they receive and note arrival times; the others only count messages.</summary>
    public const int SampledDashboards = 20;

    private const int BatchSize = 100;
    private const int Adapters = 16;

    /// <summary>The rows a dashboard shows and watches: one page of the list.</summary>
    private const int PageSize = 50;

    public sealed record Batch(long At, long SentAt, (string CustomerId, int Messages)[] Rows);

    public sealed record Run(IReadOnlyList<Batch> Batches, long StartedAt, long EndedAt);

    /// <summary>One event per customer before the measured load, so every dashboard can watch a page of existing rows.</summary>
    public static async Task<IReadOnlyList<string>> CreateCustomersAsync(Uri address, string key, int customers)
    {
        using var http = Client(address, key);
        var slice = customers / Adapters;
        var ids = new string[customers];
        await Parallel.ForEachAsync(Enumerable.Range(0, Adapters), async (adapter, _) =>
        {
            for (var start = 0; start < slice; start += BatchSize)
            {
                var slots = Enumerable.Range(start, Math.Min(BatchSize, slice - start)).ToArray();
                var results = await PostBatchAsync(http, slots.Select(slot => Message(adapter, slot, $"seed-{adapter}-{slot}")).ToArray());
                for (var i = 0; i < slots.Length; i++)
                {
                    ids[adapter * slice + slots[i]] = results[i].CustomerId!;
                }
            }
        });
        return ids;
    }

    /// <summary>Dashboard <c>i</c> watches page <c>i</c> of <paramref name="customerIds"/> (wrapping); the first <see cref="SampledDashboards"/> are sampled.</summary>
    public static Task<List<DashboardSocket>> ConnectDashboardsAsync(Uri address, string key, int dashboards, IReadOnlyList<string> customerIds) =>
        AnsiConsole.Progress().StartAsync(async progress =>
        {
            var task = progress.AddTask($"connecting {dashboards} dashboards", maxValue: dashboards);
            var connected = new List<DashboardSocket>();
            for (var i = 0; i < dashboards; i++)
            {
                var page = Enumerable.Range(0, PageSize).Select(row => customerIds[(i * PageSize + row) % customerIds.Count]).ToArray();
                connected.Add(await DashboardSocket.ConnectAsync(address, key, sampled: i < SampledDashboards, page));
                task.Increment(1);
            }

            return connected;
        });

    /// <summary>Each adapter owns a slice of the customers, so one customer's events are acknowledged in order.</summary>
    public static async Task<Run> PostAsync(Uri address, string key, int eventsPerSecond, int customers, TimeSpan duration)
    {
        using var http = Client(address, key);
        var interval = TimeSpan.FromSeconds((double)Adapters * BatchSize / eventsPerSecond);
        var started = Stopwatch.GetTimestamp();
        var stopAt = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var batches = await Task.WhenAll(Enumerable.Range(0, Adapters).Select(async adapter =>
        {
            var slice = customers / Adapters;
            var sent = new int[slice];
            var acknowledged = new List<Batch>();
            var next = started;
            for (var batch = 0; Stopwatch.GetTimestamp() < stopAt; batch++)
            {
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }

                next += (long)(interval.TotalSeconds * Stopwatch.Frequency);
                var slots = Enumerable.Range(batch * BatchSize, BatchSize).Select(n => n % slice).ToArray();
                var sentAt = Stopwatch.GetTimestamp();
                var results = await PostBatchAsync(http, slots.Select(slot => Message(adapter, slot, $"{adapter}-{batch}-{slot}")).ToArray());
                var at = Stopwatch.GetTimestamp();
                acknowledged.Add(new Batch(at, sentAt, slots.Select((slot, i) => (results[i].CustomerId!, ++sent[slot] + 1)).ToArray()));
            }

            return acknowledged;
        }));
        return new Run(batches.SelectMany(batch => batch).ToArray(), started, Stopwatch.GetTimestamp());
    }

    private static HttpClient Client(Uri address, string key)
    {
        var http = new HttpClient { BaseAddress = address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return http;
    }

    private static object Message(int adapter, int slot, string id) => new
    {
        id,
        type = "message_received",
        channel = "email",
        identity = $"push-{adapter}-{slot}@example.com",
        occurredAt = DateTimeOffset.UtcNow,
        conversationId = $"c-{adapter}-{slot}",
        text = "hello, a question about my order",
    };

    private static async Task<IngestResult[]> PostBatchAsync(HttpClient http, object[] events)
    {
        var response = await http.PostAsJsonAsync("/api/v1/events", new { events });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<IngestResponse>())!.Results;
    }

    private sealed record IngestResponse(IngestResult[] Results);

    private sealed record IngestResult(string? CustomerId);
}
