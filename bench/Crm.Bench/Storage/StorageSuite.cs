using Crm.Bench.Infrastructure;
using Crm.Silo.Diagnostics;
using Crm.Silo.Storage;
using Spectre.Console;

namespace Crm.Bench.Storage;

/// <summary>
/// Durable writes per second from 256 concurrent writers with a 1 KB JSON state: grouped (group commit, many writers per
/// transaction) against single (one transaction per write, as a CRUD app does), same provider, same payload, same run.
/// </summary>
public static class StorageSuite
{
    private const int Writers = 256;

    public static async Task<BenchReport> RunAsync(BenchSettings settings)
    {
        var report = new BenchReport("storage", settings.Command);
        var postgres = Environment.GetEnvironmentVariable("ConnectionStrings__Crm");
        if (string.IsNullOrWhiteSpace(postgres))
        {
            throw new InvalidOperationException("ConnectionStrings__Crm is not set: start PostgreSQL with scripts/postgres.sh start and export its connection string.");
        }

        var sqliteFolder = Directory.CreateTempSubdirectory("crm-bench-");
        try
        {
            await AnsiConsole.Status().StartAsync("PostgreSQL", async context =>
            {
                await CompareAsync(report, "postgres", () => new PostgresStateStorage(postgres), settings);
                context.Status("SQLite");
                var sqlite = $"Data Source={Path.Combine(sqliteFolder.FullName, "bench.db")}";
                await CompareAsync(report, "sqlite", () => new SqliteStateStorage(sqlite), settings);
            });
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            sqliteFolder.Delete(recursive: true);
        }

        return report;
    }

    private static async Task CompareAsync(BenchReport report, string provider, Func<IStateStorage> create, BenchSettings settings)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        await using var storage = create();
        await storage.InitializeAsync([], CancellationToken.None);

        var single = await MeasureAsync($"single-{run}", settings, write => storage.WriteBatchAsync([write], CancellationToken.None).ContinueWith(t => t.Result[0], TaskContinuationOptions.ExecuteSynchronously));
        using var metrics = new SiloMetrics(() => 0, () => 0);
        var committer = new GroupCommitter(storage, new GroupCommitOptions(), metrics);
        var grouped = await MeasureAsync($"grouped-{run}", settings, committer.WriteAsync);
        await committer.DisposeAsync();

        report.Add($"{provider}.grouped_writes_per_sec", grouped.WritesPerSecond, "writes/s", $"p99 {grouped.Latency.PercentileMicroseconds(99) / 1000:0.0} ms");
        report.Add($"{provider}.single_writes_per_sec", single.WritesPerSecond, "writes/s", $"p99 {single.Latency.PercentileMicroseconds(99) / 1000:0.0} ms");
        report.Add($"{provider}.ratio", grouped.WritesPerSecond / single.WritesPerSecond, "x", "grouped / single");
    }

    private static async Task<(double WritesPerSecond, LatencyRecorder Latency)> MeasureAsync(string prefix, BenchSettings settings, Func<StateWrite, Task<WriteOutcome>> write)
    {
        var versions = new long?[Writers];
        var result = await Crm.Bench.Runtime.CallLoad.RunAsync(Writers, settings.Warmup, settings.Phase, async (writer, iteration) =>
        {
            var outcome = await write(new StateWrite(new StateKey("bench.state", $"{prefix}-{writer}"), versions[writer], Payload(writer, iteration), []));
            if (outcome.Conflict)
            {
                throw new InvalidOperationException($"writer {writer} conflicted with itself: the benchmark is broken");
            }

            versions[writer] = outcome.Version;
        });
        return result;
    }

    /// <summary>About 1 KB of JSON shaped like a customer profile.</summary>
    private static string Payload(int writer, long iteration) =>
        $$"""{"name":"Customer {{writer}}","email":"customer{{writer}}@example.com","phone":"+4420794600{{writer % 100:00}}","company":"Example Trading Ltd","city":"London","country":"GB","language":"en","lifecycle":"active","intent":"support","tags":["vip","newsletter","returning"],"counters":{"conversations":{{iteration % 50}},"messages":{{iteration}},"orders":{{iteration % 7}},"csatSum":{{iteration % 5 * 4}},"csatCount":{{iteration % 5}},"lifetimeValue":{{iteration * 12.5}}},"lastContact":"2026-11-21T10:00:00Z","notes":[{"author":"agent-7","text":"Asked about delivery times for the spring collection and the returns policy for sale items.","at":"2026-11-20T09:30:00Z"}],"attributes":{"plan":"premium","seats":12,"trial":false,"renewal":"2027-01-15"},"recentEvents":["{{Guid.NewGuid():N}}","{{Guid.NewGuid():N}}","{{Guid.NewGuid():N}}","{{Guid.NewGuid():N}}","{{Guid.NewGuid():N}}","{{Guid.NewGuid():N}}"],"padding":"{{new string('x', 180)}}"}""";
}
