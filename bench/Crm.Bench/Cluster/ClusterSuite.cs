using Crm.Bench.Infrastructure;
using Crm.Bench.Ingest;
using Spectre.Console;

namespace Crm.Bench.Cluster;

/// <summary>
/// What forming a cluster costs on one machine. Ingest first: 1, 2 and 3 nodes of one Orleans cluster (each count on a
/// fresh database, all in this run), the ingest suite's adapters and event mix posting to the nodes in turn; events per
/// second and CPU per event, with ratios against one node. Every node, the adapters and PostgreSQL share this machine's
/// cores, so more nodes add cross-node grain calls and membership traffic, not capacity: the ratios are the cost of
/// a call that crosses silos. Then row pushes across nodes (<see cref="CrossNodePush"/>) at 80 % of what two nodes
/// sustained. The machine's load drifts over minutes, so the full run measures the node counts twice, in the order
/// 1, 2, 3, 3, 2, 1, and reports means: a drift then weighs on every count alike (<c>--rounds</c> changes how many;
/// <c>--quick</c> runs one). <c>--clients</c>, <c>--batch</c> and <c>--customers</c> change the ingest load as in the
/// ingest suite.
/// </summary>
public static class ClusterSuite
{
    private static readonly int[] NodeCounts = [1, 2, 3];

    /// <summary>The push part offers this share of what two nodes sustained, so it measures delivery rather than a backlog.</summary>
    private const double PushShareOfIngest = 0.8;

    public static async Task<BenchReport> RunAsync(BenchSettings settings)
    {
        var report = new BenchReport("cluster", settings.Command);
        var shape = IngestShape.Saturating(settings);
        var (warmup, phase) = IngestShape.SaturatingPhases(settings);

        var rounds = settings.Number("rounds") ?? (settings.Quick ? 1 : 2);
        var order = Enumerable.Range(0, rounds).SelectMany(round => round % 2 == 0 ? NodeCounts.AsEnumerable() : Enumerable.Reverse(NodeCounts)).ToArray();
        var runs = NodeCounts.ToDictionary(nodes => nodes, _ => new List<IngestMeasurement>());
        await AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn()).StartAsync(async progress =>
        {
            foreach (var nodes in order)
            {
                var task = progress.AddTask($"{nodes} node(s): {shape.Clients} clients × {shape.BatchSize} events", maxValue: 1);
                runs[nodes].Add(await MeasureIngestAsync(nodes, shape, warmup, phase, value => task.Value = value));
            }
        });

        var measurements = runs.ToDictionary(run => run.Key, run => Combine(run.Value));
        report.Add("rounds", rounds, "rounds", "node counts measured in the order " + string.Join(", ", order) + "; figures are means over the rounds");
        var one = measurements[1];
        foreach (var (nodes, measurement) in measurements)
        {
            var name = $"nodes_{nodes}";
            report.Add($"{name}.events_per_sec", measurement.EventsPerSecond, "events/s", $"{shape.Clients} clients × {shape.BatchSize} events, {shape.Customers:N0} customers, posted to the nodes in turn");
            report.Add($"{name}.cpu_us_per_event", measurement.ProcessCpuMicroseconds, "µs", "this process (every node and the adapters) over events");
            report.Add($"{name}.postgres_cpu_us_per_event", measurement.DatabaseCpuMicroseconds, "µs", "the database's backends");
            report.Add($"{name}.total_cpu_us_per_event", measurement.CpuMicrosecondsPerEvent, "µs", "process and PostgreSQL");
            report.Add($"{name}.p50_ms", measurement.P50Milliseconds, "ms", "batch acknowledged, every event durable");
            report.Add($"{name}.p99_ms", measurement.P99Milliseconds, "ms");
            if (rounds > 1)
            {
                report.Add($"{name}.events_per_sec_lowest", runs[nodes].Min(run => run.EventsPerSecond), "events/s", "the slowest round");
                report.Add($"{name}.events_per_sec_highest", runs[nodes].Max(run => run.EventsPerSecond), "events/s", "the fastest round");
            }

            if (nodes != 1)
            {
                report.Add($"{name}.events_per_sec_ratio", measurement.EventsPerSecond / one.EventsPerSecond, "x", $"{nodes} nodes / 1 node, same run");
                report.Add($"{name}.cpu_us_per_event_ratio", measurement.ProcessCpuMicroseconds / one.ProcessCpuMicroseconds, "x", $"{nodes} nodes / 1 node, same run");
            }
        }

        await CrossNodePush.RunAsync(settings, report, PushShareOfIngest * measurements[2].EventsPerSecond);
        return report;
    }

    /// <summary>Rounds of one node count as one measurement: mean rate and CPU per event, latencies of every round together.</summary>
    private static IngestMeasurement Combine(IReadOnlyList<IngestMeasurement> rounds) => new(
        rounds.Average(round => round.EventsPerSecond),
        LatencyRecorder.Merge(rounds.Select(round => round.Latency)),
        rounds.Sum(round => round.AcceptedMessages),
        rounds.Average(round => round.ProcessCpuMicroseconds),
        rounds.Average(round => round.DatabaseCpuMicroseconds),
        rounds.Sum(round => round.ShedRequests));

    private static async Task<IngestMeasurement> MeasureIngestAsync(int nodes, IngestShape shape, TimeSpan warmup, TimeSpan phase, Action<double> progress)
    {
        await using var database = await BenchDatabase.CreateAsync($"cluster{nodes}");
        IngestMeasurement measurement;
        await using (var cluster = await BenchCluster.StartAsync(database.ConnectionString, nodes))
        {
            var key = await cluster.Nodes[0].CreateChannelKeyAsync();
            measurement = await IngestLoad.RunAsync(cluster.Addresses, key, $"nodes{nodes}", shape, new BenchPopulation(shape.Customers), warmup, phase, database.Cpu(), progress);
        }

        await IngestSuite.VerifyAsync($"{nodes} node(s)", database.ConnectionString, "crm_customers", measurement.AcceptedMessages);
        return measurement;
    }
}
