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
/// the end the stored message counts must equal the messages acknowledged, or the run is refused. Each side is then
/// measured again under light load (4 clients posting 10 events), where latency is the cost of durability rather than
/// of queueing behind a saturated CPU, and once more as one batching adapter posting 1,000 events of one customer a
/// request (how fast one customer's events go when a request carries many of them). <c>--clients</c>,
/// <c>--batch</c> and <c>--customers</c> change the load's shape (64 clients posting 50 events at a time, about
/// 50,000 customers by default), <c>--baseline-connections</c> the baseline's pool.
/// </summary>
public static class IngestSuite
{
    /// <summary>
    /// The baseline's pool. Pools of 16, 32 and 64 connections gave the same rate within this machine's noise (two
    /// <c>--quick</c> runs each: 1,560–2,270, 1,760–2,820 and 2,380–2,480 events/s).
    /// </summary>
    private const int DefaultBaselineConnections = 32;

    /// <summary>A batching adapter (a bulk import, a backfill, a busy group chat): requests of 1,000 events, all for one customer.</summary>
    private static readonly IngestShape OneCustomer = new(Clients: 1, BatchSize: 1000, Customers: 1);

    public static async Task<BenchReport> RunAsync(BenchSettings settings)
    {
        var report = new BenchReport("ingest", settings.Command);
        var shape = IngestShape.Saturating(settings);
        var (warmup, phase) = IngestShape.SaturatingPhases(settings);

        var baselineConnections = settings.Number("baseline-connections") ?? DefaultBaselineConnections;
        var light = new IngestShape(Clients: 4, BatchSize: 10, shape.Customers);
        var lightWarmup = settings.Quick ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(3);
        var lightPhase = settings.Quick ? TimeSpan.FromSeconds(3) : TimeSpan.FromSeconds(10);

        await using var engineDatabase = await BenchDatabase.CreateAsync("engine");
        await using var crudDatabase = await BenchDatabase.CreateAsync("crud");
        (IngestMeasurement Saturated, IngestMeasurement Light) engine = (null!, null!), baseline = (null!, null!);
        IngestMeasurement oneCustomer = null!;
        await AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn()).StartAsync(async progress =>
        {
            async Task<(IngestMeasurement, IngestMeasurement)> MeasureAsync(string name, Uri address, string key, BenchDatabase database)
            {
                var saturatedTask = progress.AddTask($"{name}: {shape.Clients} clients × {shape.BatchSize} events", maxValue: 1);
                var lightTask = progress.AddTask($"{name}: {light.Clients} clients × {light.BatchSize} events", maxValue: 1);
                var population = new BenchPopulation(shape.Customers);
                var saturated = await IngestLoad.RunAsync([address], key, name, shape, population, warmup, phase, database.Cpu(), value => saturatedTask.Value = value);
                var lightly = await IngestLoad.RunAsync([address], key, $"{name}-light", light, population, lightWarmup, lightPhase, database.Cpu(), value => lightTask.Value = value);
                return (saturated, lightly);
            }

            await using (var service = await EngineService.StartAsync(engineDatabase.ConnectionString))
            {
                var channelKey = await service.CreateChannelKeyAsync();
                engine = await MeasureAsync("engine", service.Address, channelKey, engineDatabase);
                var oneCustomerTask = progress.AddTask($"engine: one customer, {OneCustomer.Clients} client × {OneCustomer.BatchSize} events", maxValue: 1);
                oneCustomer = await IngestLoad.RunAsync(
                    [service.Address], channelKey, "engine-one", OneCustomer, new BenchPopulation(OneCustomer.Customers), lightWarmup, lightPhase, engineDatabase.Cpu(), value => oneCustomerTask.Value = value);
            }

            await VerifyAsync("engine", engineDatabase.ConnectionString, "crm_customers", engine.Saturated.AcceptedMessages + engine.Light.AcceptedMessages + oneCustomer.AcceptedMessages);

            const string key = "crud-bench-channel-key";
            await using (var crud = await CrudIngestService.StartAsync(await CrudEventStore.CreateAsync(crudDatabase.ConnectionString, baselineConnections, IntentTextModel.LoadDefault()), key))
            {
                baseline = await MeasureAsync("baseline", crud.Address, key, crudDatabase);
            }

            await VerifyAsync("baseline", crudDatabase.ConnectionString, "crud_customers", baseline.Saturated.AcceptedMessages + baseline.Light.AcceptedMessages);
        });

        var note = $"{shape.Clients} clients × {shape.BatchSize} events, {shape.Customers:N0} customers";
        report.Add("engine_events_per_sec", engine.Saturated.EventsPerSecond, "events/s", note);
        report.Add("baseline_events_per_sec", baseline.Saturated.EventsPerSecond, "events/s", $"one transaction per event, {baselineConnections} pooled connections");
        report.Add("ratio", engine.Saturated.EventsPerSecond / baseline.Saturated.EventsPerSecond, "x", "engine / baseline");
        report.Add("p50_ms", engine.Saturated.P50Milliseconds, "ms", "engine: batch acknowledged, every event durable");
        report.Add("p99_ms", engine.Saturated.P99Milliseconds, "ms", "engine");
        report.Add("baseline_p50_ms", baseline.Saturated.P50Milliseconds, "ms");
        report.Add("baseline_p99_ms", baseline.Saturated.P99Milliseconds, "ms");
        AddCpu(report, "engine", engine.Saturated);
        AddCpu(report, "baseline", baseline.Saturated);
        report.Add("cpu_ratio", baseline.Saturated.CpuMicrosecondsPerEvent / engine.Saturated.CpuMicrosecondsPerEvent, "x", "baseline CPU per event / engine CPU per event");
        var lightNote = $"{light.Clients} clients × {light.BatchSize} events";
        report.Add("light.engine_events_per_sec", engine.Light.EventsPerSecond, "events/s", lightNote);
        report.Add("light.engine_p50_ms", engine.Light.P50Milliseconds, "ms");
        report.Add("light.engine_p99_ms", engine.Light.P99Milliseconds, "ms");
        report.Add("light.baseline_events_per_sec", baseline.Light.EventsPerSecond, "events/s", lightNote);
        report.Add("light.baseline_p50_ms", baseline.Light.P50Milliseconds, "ms");
        report.Add("light.baseline_p99_ms", baseline.Light.P99Milliseconds, "ms");
        report.Add("one_customer_events_per_sec", oneCustomer.EventsPerSecond, "events/s", $"engine: {OneCustomer.Clients} client posting {OneCustomer.BatchSize:N0} events of one customer a request (goal ≥ 5,000)");
        report.Add("one_customer_p50_ms", oneCustomer.P50Milliseconds, "ms", $"engine: a {OneCustomer.BatchSize:N0}-event request acknowledged");
        return report;
    }

    /// <summary>
    /// What an event costs in CPU, and the rate that cost allows on this machine's cores if nothing else ran. The process
    /// side includes the adapters' own work (building, sending and reading batches), the same for both.
    /// </summary>
    private static void AddCpu(BenchReport report, string name, IngestMeasurement measurement)
    {
        report.Add($"{name}_cpu_us_per_event", measurement.CpuMicrosecondsPerEvent, "µs", "this process and PostgreSQL");
        report.Add($"{name}_process_cpu_us_per_event", measurement.ProcessCpuMicroseconds, "µs", "service and adapters");
        report.Add($"{name}_postgres_cpu_us_per_event", measurement.DatabaseCpuMicroseconds, "µs", "the database's backends");
        report.Add($"{name}_cpu_bound_events_per_sec", Environment.ProcessorCount * 1_000_000 / measurement.CpuMicrosecondsPerEvent, "events/s", $"{Environment.ProcessorCount} cores ÷ CPU per event");
    }

    /// <summary>Every acknowledged message is in the stored rows, once: otherwise the figures measured something other than durable ingest.</summary>
    public static async Task VerifyAsync(string name, string connectionString, string table, long acknowledgedMessages)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT coalesce(sum(messages), 0) FROM {table}", connection);
        var stored = Convert.ToInt64(await command.ExecuteScalarAsync());
        if (stored != acknowledgedMessages)
        {
            throw new InvalidOperationException($"{name}: {acknowledgedMessages:N0} messages acknowledged but {stored:N0} stored: the benchmark is broken");
        }
    }
}
