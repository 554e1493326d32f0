using Orleans.Dashboard;

namespace Crm.Web.Observability;

/// <summary>
/// Orleans' own dashboard (silos, grain types, activations, call rates, reminders) under <see cref="Path"/>, for operators.
/// Tuned to cost little while nobody looks; see docs/OPERATIONS.md for what remains.
/// </summary>
public static class OperatorsDashboard
{
    public const string Path = "/orleans-dashboard";

    /// <summary>
    /// Each silo samples its runtime statistics on this period whether or not anyone looks: every 10 s instead of every
    /// second, a tenth of the management calls; the charts move in 10 s steps.
    /// </summary>
    public const int SampleIntervalMs = 10_000;

    /// <summary>Samples kept per silo and per grain method: 60 at 10 s is the last ten minutes.</summary>
    public const int HistoryLength = 60;

    public static WebApplicationBuilder AddOperatorsDashboard(this WebApplicationBuilder builder)
    {
        builder.UseOrleans(silo => silo.AddDashboard(options =>
        {
            options.CounterUpdateIntervalMs = SampleIntervalMs;
            options.HistoryLength = HistoryLength;

            // The live log stream formats every log event for each open stream and would show customers' data in log
            // messages to whoever holds the page; logs go to the log pipeline instead.
            options.HideTrace = true;
        }));

        // Per-method call profiling runs only while someone has the dashboard open, and stops a minute after the last look.
        builder.Services.Configure<GrainProfilerOptions>(profiler =>
        {
            profiler.TraceAlways = false;
            profiler.DeactivationTime = TimeSpan.FromMinutes(1);
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapOperatorsDashboard(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOrleansDashboard(Path).RequireAuthorization(OperatorPolicy.Name);
        endpoints.MapOperatorSignIn();
        return endpoints;
    }
}
