using System.Diagnostics;
using System.Diagnostics.Metrics;
using Crm.Bench.Infrastructure;
using Crm.Silo;
using Crm.Silo.Diagnostics;
using Crm.Silo.Hosting;
using Crm.Silo.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Crm.Bench.Runtime;

/// <summary>
/// Grain calls per second across many grains and on one hot grain, activations per second and bytes per activation,
/// each beside the bare-dispatcher baseline measured in the same run.
/// </summary>
public static class RuntimeSuite
{
    private const int Grains = 10_000;
    private const int Callers = 256;

    public static async Task<BenchReport> RunAsync(BenchSettings settings)
    {
        var report = new BenchReport("runtime", settings.Command);
        using var metrics = ListenToSiloMetrics();

        await AnsiConsole.Status().StartAsync("bare dispatcher baseline", async context =>
        {
            var actors = Enumerable.Range(0, Grains).Select(_ => new BareActor()).ToArray();
            var bare = await CallLoad.RunAsync(Callers, settings.Warmup, settings.Phase, (caller, i) => actors[(int)((caller * 7919 + i) % Grains)].Call());
            report.Add("baseline_bare_calls_per_sec", bare.CallsPerSecond, "calls/s", $"{Grains:N0} queues, {Callers} callers");

            context.Status("grain calls across 10,000 grains");
            await using (var silo = await StartSiloAsync())
            {
                var grains = Enumerable.Range(0, Grains).Select(i => silo.GetGrain<INoopGrain>($"g{i}")).ToArray();
                await Task.WhenAll(grains.Select(grain => grain.Noop()));
                var calls = await CallLoad.RunAsync(Callers, settings.Warmup, settings.Phase, (caller, i) => grains[(int)((caller * 7919 + i) % Grains)].Noop());
                report.Add("calls_per_sec", calls.CallsPerSecond, "calls/s", $"ratio to baseline {calls.CallsPerSecond / bare.CallsPerSecond:0.00}");
                report.Add("p50_us", calls.Latency.PercentileMicroseconds(50), "µs");
                report.Add("p99_us", calls.Latency.PercentileMicroseconds(99), "µs");

                context.Status("the same calls through direct proxies");
                var direct = grains.Select(grain => new DirectNoopProxy((GrainReference)(object)grain)).ToArray();
                var directCalls = await CallLoad.RunAsync(Callers, settings.Warmup, settings.Phase, (caller, i) => direct[(int)((caller * 7919 + i) % Grains)].Noop());
                report.Add("dispatch.dispatch_proxy_calls_per_sec", calls.CallsPerSecond, "calls/s", "System.Reflection.DispatchProxy (in use)");
                report.Add("dispatch.direct_proxy_calls_per_sec", directCalls.CallsPerSecond, "calls/s", "hand-written proxy, as a source generator would emit");
                report.Add("dispatch.proxy_overhead_ratio", directCalls.CallsPerSecond / calls.CallsPerSecond, "x", "direct / DispatchProxy");

                context.Status("one hot grain");
                var hot = silo.GetGrain<INoopGrain>("hot");
                var hotCalls = await CallLoad.RunAsync(Callers, settings.Warmup, settings.Phase, (_, _) => hot.Noop());
                report.Add("hot_grain_calls_per_sec", hotCalls.CallsPerSecond, "calls/s", $"{Callers} callers, one activation");
                report.Add("hot_grain_p99_us", hotCalls.Latency.PercentileMicroseconds(99), "µs");
            }

            context.Status("activations");
            await MeasureActivationsAsync(report, settings.Quick ? 100_000 : 200_000);
        });

        report.Add("metric_measurements_observed", metrics.Measurements, "measurements", "call-duration histogram was listened to throughout");
        return report;
    }

    private static async Task MeasureActivationsAsync(BenchReport report, int count)
    {
        await using var silo = await StartSiloAsync();
        var warm = silo.GetGrain<ISmallStateGrain>("warm-up");
        await warm.Touch();
        var before = GC.GetTotalMemory(forceFullCollection: true);

        var next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Callers).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < count)
            {
                await silo.GetGrain<ISmallStateGrain>($"a{index}").Touch();
            }
        })));
        var elapsed = watch.Elapsed;
        var after = GC.GetTotalMemory(forceFullCollection: true);

        report.Add("activations_per_sec", count / elapsed.TotalSeconds, "activations/s", $"{count:N0} small-state grains, first call each");
        report.Add("bytes_per_activation", (after - before) / (double)silo.ActivationCount, "bytes", $"{silo.ActivationCount:N0} live activations");
    }

    private static async Task<SiloRuntime> StartSiloAsync()
    {
        var services = new ServiceCollection();
        services.AddSilo(silo => silo.AddGrain<NoopGrain>().AddGrain<SmallStateGrain>().AddJsonContracts(BenchJsonContext.Default));
        var runtime = services.BuildServiceProvider().GetRequiredService<SiloRuntime>();
        await runtime.StartAsync(CancellationToken.None);
        return runtime;
    }

    /// <summary>Metrics "on": every instrument of the silo's meter is listened to, as an exporter would.</summary>
    private static MetricsListener ListenToSiloMetrics() => new();

    private sealed class MetricsListener : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _measurements;

        public MetricsListener()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == SiloMetrics.MeterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<double>((_, _, _, _) => Interlocked.Increment(ref _measurements));
            _listener.SetMeasurementEventCallback<long>((_, _, _, _) => Interlocked.Increment(ref _measurements));
            _listener.SetMeasurementEventCallback<int>((_, _, _, _) => Interlocked.Increment(ref _measurements));
            _listener.Start();
        }

        public long Measurements => Volatile.Read(ref _measurements);

        public void Dispose() => _listener.Dispose();
    }
}
