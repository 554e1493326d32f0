using System.Diagnostics;
using Crm.Bench.Infrastructure;
using Crm.Bench.Ingest;
using Crm.Bench.Push;
using Orleans.Runtime;
using Spectre.Console;

namespace Crm.Bench.Cluster;

/// <summary>
/// Row pushes across nodes: two nodes A and B, dashboards connected to A (as in the push suite, each watching a page of
/// 50 rows, 20 of them sampled), adapters posting message events through B at a steady rate. A row's latency runs, as
/// in the push suite, from the adapter having its acknowledgement to the <c>customerChanged</c> row carrying that
/// event's count arriving at a dashboard. Each watched customer is classed by the silo its grain was active on, asked of
/// Orleans before and after the load: on another node than A (the figure asked for), on A (the same path as the push
/// suite, for comparison), or neither when it moved or was not active (counted, not measured).
/// </summary>
public static class CrossNodePush
{
    private const int Nodes = 2;

    /// <summary>
    /// Fewer customers than the push suite's 20,000: the offered rate is a fraction of what two nodes sustained (a few
    /// hundred to a few thousand events a second here), and the sampled dashboards' 1,000 watched customers then get a
    /// quarter of the events rather than a twentieth, so the run collects thousands of samples rather than hundreds;
    /// each customer's row is watched by more dashboards in return.
    /// </summary>
    private const int Customers = 4_000;

    /// <summary>How long rows may still arrive after the last acknowledgement; one that has not arrived by then counts as not delivered.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);

    public static async Task RunAsync(BenchSettings settings, BenchReport report, double eventsPerSecond)
    {
        var dashboards = settings.Quick ? 200 : 1_000;
        var warmup = settings.Warmup;
        var phase = settings.Quick ? TimeSpan.FromSeconds(5) : TimeSpan.FromSeconds(20);
        var target = (int)Math.Round(eventsPerSecond);
        const string key = EngineService.AdminKey;

        await using var database = await BenchDatabase.CreateAsync("cluster_push");
        await using var cluster = await AnsiConsole.Status().StartAsync($"starting {Nodes} nodes", _ => BenchCluster.StartAsync(database.ConnectionString, Nodes));
        var (a, b) = (cluster.Nodes[0], cluster.Nodes[1]);
        var customerIds = await AnsiConsole.Status().StartAsync($"creating {Customers:N0} customers through node B", _ => PushLoad.CreateCustomersAsync(b.Address, key, Customers));
        var sockets = await PushLoad.ConnectDashboardsAsync(a.Address, key, dashboards, customerIds);
        report.Add("push.dashboards", dashboards, "connections", "all on node A");
        report.Add("push.target_events_per_sec", target, "events/s", "80 % of what 2 nodes sustained in the ingest part, posted through node B");
        try
        {
            var watched = sockets.Take(PushLoad.SampledDashboards).SelectMany(socket => socket.Watched).Distinct().ToArray();
            var before = await CustomerLocations.FindAsync(a, watched);
            var load = await AnsiConsole.Status().StartAsync($"posting {target:N0} events/s through node B for {(warmup + phase).TotalSeconds:N0} s", _ =>
                PushLoad.PostAsync(b.Address, key, target, Customers, warmup + phase));
            await Task.Delay(Grace);
            var after = await CustomerLocations.FindAsync(a, watched);
            var nodeA = CustomerLocations.SiloOf(a);
            Summarise(report, load, sockets, warmup, watched.ToDictionary(id => id, id => Place(before[id], after[id], nodeA)));
        }
        finally
        {
            foreach (var socket in sockets)
            {
                await socket.DisposeAsync();
            }
        }
    }

    private enum Placement
    {
        OnA,
        Elsewhere,
        Unknown,
    }

    private static Placement Place(SiloAddress? before, SiloAddress? after, SiloAddress nodeA) =>
        before is null || after is null || !before.Equals(after) ? Placement.Unknown
        : before.Equals(nodeA) ? Placement.OnA
        : Placement.Elsewhere;

    private static void Summarise(BenchReport report, PushLoad.Run load, IReadOnlyList<DashboardSocket> sockets, TimeSpan warmup, IReadOnlyDictionary<string, Placement> placements)
    {
        var measuredFrom = load.StartedAt + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var measured = load.Batches.Where(batch => batch.SentAt >= measuredFrom).ToArray();
        var seconds = Stopwatch.GetElapsedTime(measuredFrom, load.EndedAt).TotalSeconds;
        var latency = new Dictionary<Placement, LatencyRecorder> { [Placement.OnA] = new(), [Placement.Elsewhere] = new() };
        var fromSend = new Dictionary<Placement, LatencyRecorder> { [Placement.OnA] = new(), [Placement.Elsewhere] = new() };
        var missing = new Dictionary<Placement, long> { [Placement.OnA] = 0, [Placement.Elsewhere] = 0 };
        var acks = new LatencyRecorder();
        foreach (var batch in measured)
        {
            acks.Record(batch.At - batch.SentAt);
        }

        foreach (var socket in sockets.Take(PushLoad.SampledDashboards))
        {
            var arrivals = socket.Rows.GroupBy(row => row.CustomerId).ToDictionary(group => group.Key, group => group.ToArray());
            foreach (var batch in measured)
            {
                foreach (var (customerId, messages) in batch.Rows.Where(row => socket.Watched.Contains(row.CustomerId)))
                {
                    var placement = placements[customerId];
                    if (placement == Placement.Unknown)
                    {
                        continue;
                    }

                    var arrival = arrivals.TryGetValue(customerId, out var seen) ? seen.FirstOrDefault(row => row.Messages >= messages) : default;
                    if (arrival.CustomerId is null)
                    {
                        missing[placement]++;
                        continue;
                    }

                    latency[placement].Record(Math.Max(0, arrival.At - batch.At));
                    fromSend[placement].Record(arrival.At - batch.SentAt);
                }
            }
        }

        report.Add("push.events_per_sec", measured.Sum(batch => batch.Rows.Length) / seconds, "events/s", "acknowledged durable by node B");
        report.Add("push.ack_p99_ms", acks.PercentileMicroseconds(99) / 1000, "ms");
        AddPlacement(report, "cross_node", latency[Placement.Elsewhere], fromSend[Placement.Elsewhere], missing[Placement.Elsewhere], placements.Values.Count(p => p == Placement.Elsewhere), "grain on node B, dashboard on node A");
        AddPlacement(report, "same_node", latency[Placement.OnA], fromSend[Placement.OnA], missing[Placement.OnA], placements.Values.Count(p => p == Placement.OnA), "grain and dashboard on node A");
        report.Add("push.customers_not_placed", placements.Values.Count(p => p == Placement.Unknown), "customers", "watched customers not active, or moved, between the two look-ups: left out");
    }

    /// <summary>
    /// From the acknowledgement, as the push suite measures; a row pushed before the adapter has read its answer counts
    /// as 0. From the send as well, which is never negative and so shows what the acknowledgement's figure clips.
    /// </summary>
    private static void AddPlacement(BenchReport report, string name, LatencyRecorder rows, LatencyRecorder fromSend, long missing, int customers, string where)
    {
        report.Add($"{name}_push_samples", rows.Count, "rows", $"{where}: watched rows' changes seen at the sampled dashboards");
        if (rows.Count == 0)
        {
            report.AddUnmeasured($"{name}_push_p50_ms", $"{where}: no row push arrived");
            report.AddUnmeasured($"{name}_push_p99_ms", $"{where}: no row push arrived");
            report.AddUnmeasured($"{name}_push_from_send_p50_ms", $"{where}: no row push arrived");
            report.AddUnmeasured($"{name}_push_from_send_p99_ms", $"{where}: no row push arrived");
        }
        else
        {
            report.Add($"{name}_push_p50_ms", rows.PercentileMicroseconds(50) / 1000, "ms", $"{where}: ack → customerChanged at a dashboard");
            report.Add($"{name}_push_p99_ms", rows.PercentileMicroseconds(99) / 1000, "ms", $"{where}: ack → customerChanged at a dashboard");
            report.Add($"{name}_push_from_send_p50_ms", fromSend.PercentileMicroseconds(50) / 1000, "ms", $"{where}: POST sent → customerChanged at a dashboard");
            report.Add($"{name}_push_from_send_p99_ms", fromSend.PercentileMicroseconds(99) / 1000, "ms", $"{where}: POST sent → customerChanged at a dashboard");
        }

        report.Add($"{name}_rows_not_delivered", missing, "rows", $"{where}: watched rows' changes that never arrived ({Grace.TotalSeconds:N0} s after the load ended)");
        report.Add($"{name}_customers", customers, "customers", $"{where}: watched by the sampled dashboards");
    }
}
