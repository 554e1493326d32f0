using System.Diagnostics;
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
            var customerIds = await AnsiConsole.Status().StartAsync($"creating {customers:N0} customers", _ => PushLoad.CreateCustomersAsync(address, AdminKey, customers));
            var sockets = await PushLoad.ConnectDashboardsAsync(address, AdminKey, dashboards, customerIds);
            var load = await AnsiConsole.Status().StartAsync($"posting {eventsPerSecond:N0} events/s for {settings.Phase.TotalSeconds:N0} s", _ =>
                PushLoad.PostAsync(address, AdminKey, eventsPerSecond, customers, settings.Phase + settings.Warmup));
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

    private static void Summarise(BenchReport report, PushLoad.Run load, IReadOnlyList<DashboardSocket> sockets, TimeSpan warmup, int dashboards, int target)
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

        foreach (var socket in sockets.Take(PushLoad.SampledDashboards))
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
