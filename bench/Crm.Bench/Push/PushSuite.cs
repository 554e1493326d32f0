using System.Diagnostics;
using System.Net.Http.Json;
using Crm.Bench.Infrastructure;
using Crm.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Spectre.Console;

namespace Crm.Bench.Push;

/// <summary>
/// Many dashboards on the hub while adapters post message events over HTTP at a steady rate: how long after an
/// event's acknowledgement its customer's row (<c>customerChanged</c>) and the next stats push reach a dashboard.
/// </summary>
public static class PushSuite
{
    private const string AdminKey = "crm_bench-push-admin-key";
    private const int BatchSize = 100;
    private const int Adapters = 16;
    private const int SampledDashboards = 20;

    /// <summary>The rows a dashboard shows and watches: one page of the list.</summary>
    private const int PageSize = 50;

    public static async Task<BenchReport> RunAsync(BenchSettings settings)
    {
        var dashboards = settings.Quick ? 200 : 1_000;
        var eventsPerSecond = 10_000;
        var customers = 20_000;
        var report = new BenchReport("push", settings.Command);
        var database = await CreateDatabaseAsync();
        var app = CrmApplication.Build(["--urls", "http://127.0.0.1:0", "--Cluster:SiloPort=0", "--Cluster:GatewayPort=0", "--Storage:Provider=Postgres", $"--ConnectionStrings:Crm={database}", $"--CRM_BOOTSTRAP_KEY={AdminKey}", "--Logging:LogLevel:Default=Warning"]);
        await app.StartAsync();
        try
        {
            var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
            var customerIds = await AnsiConsole.Status().StartAsync($"creating {customers:N0} customers", _ => CreateCustomersAsync(address, customers));
            var sockets = await AnsiConsole.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask($"connecting {dashboards} dashboards", maxValue: dashboards);
                var connected = new List<DashboardSocket>();
                for (var i = 0; i < dashboards; i++)
                {
                    var page = Enumerable.Range(0, PageSize).Select(row => customerIds[(i * PageSize + row) % customerIds.Count]).ToArray();
                    connected.Add(await DashboardSocket.ConnectAsync(address, AdminKey, sampled: i < SampledDashboards, page));
                    task.Increment(1);
                }

                return connected;
            });

            var load = await AnsiConsole.Status().StartAsync($"posting {eventsPerSecond:N0} events/s for {settings.Phase.TotalSeconds:N0} s", _ =>
                PostAsync(address, eventsPerSecond, customers, settings.Phase + settings.Warmup));
            await Task.Delay(TimeSpan.FromSeconds(2));
            Summarise(report, load, sockets, settings.Warmup, dashboards, eventsPerSecond);
            foreach (var socket in sockets)
            {
                await socket.DisposeAsync();
            }
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            await DropDatabaseAsync(database);
        }

        return report;
    }

    /// <summary>One event per customer before the measured load, so every dashboard can watch a page of existing rows.</summary>
    private static async Task<IReadOnlyList<string>> CreateCustomersAsync(Uri address, int customers)
    {
        using var http = new HttpClient { BaseAddress = address };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", AdminKey);
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

    private sealed record Acknowledged(long At, long SentAt, (string CustomerId, int Messages)[] Rows);

    private sealed record Load(IReadOnlyList<Acknowledged> Batches, long StartedAt, long EndedAt);

    /// <summary>Each adapter owns a slice of the customers, so one customer's events are acknowledged in order.</summary>
    private static async Task<Load> PostAsync(Uri address, int eventsPerSecond, int customers, TimeSpan duration)
    {
        using var http = new HttpClient { BaseAddress = address };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", AdminKey);
        var interval = TimeSpan.FromSeconds((double)Adapters * BatchSize / eventsPerSecond);
        var started = Stopwatch.GetTimestamp();
        var stopAt = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var batches = await Task.WhenAll(Enumerable.Range(0, Adapters).Select(async adapter =>
        {
            var slice = customers / Adapters;
            var sent = new int[slice];
            var acknowledged = new List<Acknowledged>();
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
                acknowledged.Add(new Acknowledged(at, sentAt, slots.Select((slot, i) => (results[i].CustomerId!, ++sent[slot] + 1)).ToArray()));
            }

            return acknowledged;
        }));
        return new Load(batches.SelectMany(batch => batch).ToArray(), started, Stopwatch.GetTimestamp());
    }

    private sealed record IngestResponse(IngestResult[] Results);

    private sealed record IngestResult(string? CustomerId);

    private static void Summarise(BenchReport report, Load load, IReadOnlyList<DashboardSocket> sockets, TimeSpan warmup, int dashboards, int target)
    {
        var measuredFrom = load.StartedAt + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var measured = load.Batches.Where(batch => batch.SentAt >= measuredFrom).ToArray();
        var seconds = Stopwatch.GetElapsedTime(measuredFrom, load.EndedAt).TotalSeconds;
        var rows = new LatencyRecorder();
        var stats = new LatencyRecorder();
        var acks = new LatencyRecorder();
        long missing = 0;
        foreach (var batch in measured)
        {
            acks.Record(batch.At - batch.SentAt);
        }

        foreach (var socket in sockets.Take(SampledDashboards))
        {
            var arrivals = socket.Rows.GroupBy(row => row.CustomerId).ToDictionary(group => group.Key, group => group.ToArray());
            var statsArrivals = socket.StatsArrivals.ToArray();
            foreach (var batch in measured)
            {
                foreach (var (customerId, messages) in batch.Rows.Where(row => socket.Watched.Contains(row.CustomerId)))
                {
                    var arrival = arrivals.TryGetValue(customerId, out var seen) ? seen.FirstOrDefault(row => row.Messages >= messages) : default;
                    if (arrival.CustomerId is null)
                    {
                        missing++;
                        continue;
                    }

                    rows.Record(Math.Max(0, arrival.At - batch.At));
                }

                var nextStats = Array.Find(statsArrivals, at => at >= batch.At);
                if (nextStats != 0)
                {
                    stats.Record(nextStats - batch.At);
                }
            }
        }

        var received = sockets.Sum(socket => socket.MessagesReceived);
        report.Add("dashboards", dashboards, "connections");
        report.Add("target_events_per_sec", target, "events/s");
        report.Add("events_per_sec", measured.Sum(batch => batch.Rows.Length) / seconds, "events/s", "acknowledged durable, over HTTP");
        report.Add("ack_p99_ms", acks.PercentileMicroseconds(99) / 1000, "ms");
        report.Add("push_p50_ms", rows.PercentileMicroseconds(50) / 1000, "ms", "ack → customerChanged at a dashboard");
        report.Add("push_p99_ms", rows.PercentileMicroseconds(99) / 1000, "ms", "goal ≤ 250");
        report.Add("stats_p50_ms", stats.PercentileMicroseconds(50) / 1000, "ms", "ack → next statsChanged");
        report.Add("stats_p99_ms", stats.PercentileMicroseconds(99) / 1000, "ms");
        report.Add("rows_measured", rows.Count, "rows", "watched rows' changes seen at the sampled dashboards");
        report.Add("rows_not_delivered", missing, "rows", "watched rows' changes that never arrived at a sampled dashboard");
        report.Add("hub_messages_per_sec", received / Stopwatch.GetElapsedTime(load.StartedAt, load.EndedAt).TotalSeconds, "messages/s", "all dashboards together");
    }

    private static async Task<string> CreateDatabaseAsync()
    {
        var server = Environment.GetEnvironmentVariable("ConnectionStrings__Crm")
            ?? throw new InvalidOperationException("ConnectionStrings__Crm is not set: start PostgreSQL with scripts/postgres.sh start and export its connection string.");
        var name = $"crm_bench_push_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    private static async Task DropDatabaseAsync(string database)
    {
        var builder = new NpgsqlConnectionStringBuilder(database);
        var name = builder.Database;
        builder.Database = "postgres";
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
