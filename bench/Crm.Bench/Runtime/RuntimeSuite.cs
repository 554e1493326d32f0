using System.Diagnostics;
using Crm.Bench.Infrastructure;
using Crm.Silo.Diagnostics;
using Crm.Silo.Storage;
using Orleans;
using Orleans.Runtime;
using Spectre.Console;

namespace Crm.Bench.Runtime;

/// <summary>
/// Grain calls per second across many grains and on one hot grain, activations per second and bytes per activation,
/// through a real Orleans silo co-hosted in this process, each beside the bare-dispatcher baseline measured in the same run.
/// </summary>
public static class RuntimeSuite
{
    private const int Grains = 10_000;
    private const int Callers = 256;

    /// <summary>The meter Orleans' runtime instruments belong to (<c>OrleansInstruments.Meter</c>).</summary>
    private const string OrleansMeterName = "Microsoft.Orleans";

    public static async Task<BenchReport> RunAsync(BenchSettings settings)
    {
        var report = new BenchReport("runtime", settings.Command);
        using var metrics = new MetricsListener(StorageMetrics.MeterName, OrleansMeterName);

        await AnsiConsole.Status().StartAsync("bare dispatcher baseline", async context =>
        {
            var actors = Enumerable.Range(0, Grains).Select(_ => new BareActor()).ToArray();
            var bare = await CallLoad.RunAsync(Callers, settings.Warmup, settings.Phase, (caller, i) => actors[(int)((caller * 7919 + i) % Grains)].Call());
            report.Add("baseline_bare_calls_per_sec", bare.CallsPerSecond, "calls/s", $"{Grains:N0} queues, {Callers} callers");
            string ToBaseline(double perSecond) => $"{perSecond / bare.CallsPerSecond:0.000} × the bare baseline";

            context.Status("grain calls across 10,000 grains");
            await using (var storage = new MemoryStateStorage())
            await using (var silo = await StartSiloAsync(storage))
            {
                var grains = Enumerable.Range(0, Grains).Select(i => silo.Grains.GetGrain<INoopGrain>($"g{i}")).ToArray();
                await Task.WhenAll(grains.Select(grain => grain.Noop()));
                var calls = await CallLoad.RunAsync(Callers, settings.Warmup, settings.Phase, (caller, i) => grains[(int)((caller * 7919 + i) % Grains)].Noop());
                report.Add("calls_per_sec", calls.CallsPerSecond, "calls/s", ToBaseline(calls.CallsPerSecond));
                report.Add("p50_us", calls.Latency.PercentileMicroseconds(50), "µs");
                report.Add("p99_us", calls.Latency.PercentileMicroseconds(99), "µs");

                context.Status("one hot grain");
                var hot = silo.Grains.GetGrain<INoopGrain>("hot");
                var hotCalls = await CallLoad.RunAsync(Callers, settings.Warmup, settings.Phase, (_, _) => hot.Noop());
                report.Add("hot_grain_calls_per_sec", hotCalls.CallsPerSecond, "calls/s", $"{Callers} callers, one activation; {ToBaseline(hotCalls.CallsPerSecond)}");
                report.Add("hot_grain_p99_us", hotCalls.Latency.PercentileMicroseconds(99), "µs");
            }

            context.Status("activations");
            var activations = await MeasureActivationsAsync(settings.Quick ? 50_000 : 200_000);
            report.Add("activations_per_sec", activations.PerSecond, "activations/s", $"{activations.Count:N0} small-state grains, first call each; {ToBaseline(activations.PerSecond)}");
            report.Add("bytes_per_activation", activations.BytesEach, "bytes",
                $"GC heap after a forced full collection, after minus before, over the {activations.Live:N0} activations the silo added (IManagementGrain.GetTotalActivationCount)");
        });

        report.Add("metric_measurements_observed", metrics.Measurements, "measurements", metrics.Describe());
        return report;
    }

    private static async Task<(int Count, double PerSecond, long Live, double BytesEach)> MeasureActivationsAsync(int count)
    {
        await using var storage = new MemoryStateStorage();
        await using var silo = await StartSiloAsync(storage);
        var management = silo.Grains.GetGrain<IManagementGrain>(0);
        await silo.Grains.GetGrain<ISmallStateGrain>("warm-up").Touch();
        var activationsBefore = await management.GetTotalActivationCount();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);

        var next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Callers).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < count)
            {
                await silo.Grains.GetGrain<ISmallStateGrain>($"a{index}").Touch();
            }
        })));
        var elapsed = watch.Elapsed;

        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        var live = await management.GetTotalActivationCount() - activationsBefore;
        return (count, count / elapsed.TotalSeconds, live, (heapAfter - heapBefore) / (double)live);
    }

    /// <summary>A silo over memory storage, so the figures are the runtime's and not a database's.</summary>
    private static Task<BenchSilo> StartSiloAsync(MemoryStateStorage storage) =>
        BenchSilo.StartAsync(storage, states => states.AddJsonContracts(RuntimeJsonContext.Default));
}
