using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Diagnostics;
using Orleans.Hosting;
using Orleans.Runtime;

namespace Crm.Silo.Diagnostics;

/// <summary>What the silo publishes for OpenTelemetry: meter and activity source names, and trace propagation through grain calls.</summary>
public static class SiloTelemetry
{
    /// <summary>Orleans' runtime meter (<c>OrleansInstruments</c>).</summary>
    public const string OrleansMeterName = "Microsoft.Orleans";

    public static readonly string[] MeterNames = [OrleansMeterName, StorageMetrics.MeterName];

    /// <summary>
    /// Grain calls, activations and Orleans' storage bridge, and the group commit. Not Orleans' runtime source: its spans
    /// are the silos' own chatter (membership probes, directory), a steady stream no request caused.
    /// </summary>
    public static readonly string[] ActivitySourceNames =
    [
        ActivitySources.ApplicationGrainActivitySourceName,
        ActivitySources.LifecycleActivitySourceName,
        ActivitySources.StorageActivitySourceName,
        StorageTracing.SourceName,
    ];

    /// <summary>
    /// Carries the caller's trace through every grain call, across silos, in the request context (Orleans starts a
    /// grain-call activity only while a listener samples its source, so otherwise this costs a lookup per call), and
    /// publishes cluster membership as metrics.
    /// </summary>
    public static ISiloBuilder AddCrmTelemetry(this ISiloBuilder orleans)
    {
        orleans.AddActivityPropagation();
        orleans.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, ClusterMetrics>();
        return orleans;
    }
}
