using Crm.Bench.Baseline;
using Crm.Bench.Infrastructure;
using Crm.Grains.Intents;
using Npgsql;
using Spectre.Console;

namespace Crm.Bench.Ingest;

/// <summary>
/// Events per second and acknowledgement latency end to end: channel adapters (concurrent HTTP clients posting batches)
/// against the real service on Kestrel with PostgreSQL storage, then against the CRUD baseline (one transaction per
/// event, same contract, same PostgreSQL server, same adapters) in the same run. Each acknowledgement means durable; at
/// the end the stored message counts must equal the messages acknowledged, or the run is refused. <c>--clients</c>,
/// <c>--batch</c> and <c>--customers</c> change the load's shape (64 clients posting 50 events at a time, about
/// 50,000 customers by default).
/// </summary>
public static class IngestSuite
{
    private const int BaselineConnections = 32;

    public static async Task<BenchReport> RunAsync(BenchSettings settings)
    {
        var report = new BenchReport("ingest", settings.Command);
        var shape = new IngestShape(
            Clients: settings.Number("clients") ?? 64,
            BatchSize: settings.Number("batch") ?? 50,
            Customers: settings.Number("customers") ?? (settings.Quick ? 20_000 : 50_000));
        var warmup = settings.Quick ? TimeSpan.FromSeconds(4) : TimeSpan.FromSeconds(20);
        var phase = settings.Quick ? TimeSpan.FromSeconds(8) : TimeSpan.FromSeconds(30);

        await using var engineDatabase = await BenchDatabase.CreateAsync("engine");
        await using var crudDatabase = await BenchDatabase.CreateAsync("crud");
        IngestMeasurement engine = null!, baseline = null!;
        await AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn()).StartAsync(async progress =>
        {
            var engineTask = progress.AddTask("engine: the service on PostgreSQL", maxValue: 1);
            var baselineTask = progress.AddTask("baseline: one transaction per event", maxValue: 1);

            await using (var service = await EngineService.StartAsync(engineDatabase.ConnectionString))
            {
                engine = await IngestLoad.RunAsync(
                    service.Address, await service.CreateChannelKeyAsync(), "engine", shape, new BenchPopulation(shape.Customers), warmup, phase, engineDatabase.Cpu(), value => engineTask.Value = value);
            }

            await VerifyAsync("engine", engineDatabase.ConnectionString, "crm_customers", engine);

            const string key = "crud-bench-channel-key";
            await using (var crud = await CrudIngestService.StartAsync(await CrudEventStore.CreateAsync(crudDatabase.ConnectionString, BaselineConnections, NaiveBayesIntentModel.LoadDefault()), key))
            {
                baseline = await IngestLoad.RunAsync(
                    crud.Address, key, "crud", shape, new BenchPopulation(shape.Customers), warmup, phase, crudDatabase.Cpu(), value => baselineTask.Value = value);
            }

            await VerifyAsync("baseline", crudDatabase.ConnectionString, "crud_customers", baseline);
        });

        var note = $"{shape.Clients} clients × {shape.BatchSize} events, {shape.Customers:N0} customers";
        report.Add("engine_events_per_sec", engine.EventsPerSecond, "events/s", note);
        report.Add("baseline_events_per_sec", baseline.EventsPerSecond, "events/s", $"one transaction per event, {BaselineConnections} pooled connections");
        report.Add("ratio", engine.EventsPerSecond / baseline.EventsPerSecond, "x", "engine / baseline");
        report.Add("p50_ms", engine.P50Milliseconds, "ms", "engine: batch acknowledged, every event durable");
        report.Add("p99_ms", engine.P99Milliseconds, "ms", "engine");
        report.Add("baseline_p50_ms", baseline.P50Milliseconds, "ms");
        report.Add("baseline_p99_ms", baseline.P99Milliseconds, "ms");
        AddCpu(report, "engine", engine);
        AddCpu(report, "baseline", baseline);
        report.Add("cpu_ratio", baseline.CpuMicrosecondsPerEvent / engine.CpuMicrosecondsPerEvent, "x", "baseline CPU per event / engine CPU per event");
        return report;
    }

    /// <summary>
    /// What an event costs in CPU, and the rate that cost allows on this machine's cores if nothing else ran. The process
    /// side includes the adapters' own work (building, sending and reading batches), the same for both.
    /// </summary>
    private static void AddCpu(BenchReport report, string name, IngestMeasurement measurement)
    {
        report.Add($"{name}_cpu_us_per_event", measurement.CpuMicrosecondsPerEvent, "µs", $"{measurement.ProcessCpuMicroseconds:0} in this process + {measurement.DatabaseCpuMicroseconds:0} in PostgreSQL");
        report.Add($"{name}_cpu_bound_events_per_sec", Environment.ProcessorCount * 1_000_000 / measurement.CpuMicrosecondsPerEvent, "events/s", $"{Environment.ProcessorCount} cores ÷ CPU per event");
    }

    /// <summary>Every acknowledged message is in the stored rows, once: otherwise the figures measured something other than durable ingest.</summary>
    private static async Task VerifyAsync(string name, string connectionString, string table, IngestMeasurement measurement)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT coalesce(sum(messages), 0) FROM {table}", connection);
        var stored = Convert.ToInt64(await command.ExecuteScalarAsync());
        if (stored != measurement.AcceptedMessages)
        {
            throw new InvalidOperationException($"{name}: {measurement.AcceptedMessages:N0} messages acknowledged but {stored:N0} stored: the benchmark is broken");
        }
    }
}
