using Crm.Bench.Cluster;
using Crm.Bench.Infrastructure;
using Crm.Bench.Ingest;
using Crm.Bench.Intents;
using Crm.Bench.Push;
using Crm.Bench.Query;
using Crm.Bench.Runtime;
using Crm.Bench.Segments;
using Crm.Bench.StateEncoding;
using Crm.Bench.Storage;
using Spectre.Console;

var suites = new Dictionary<string, Func<BenchSettings, Task<BenchReport>>>(StringComparer.OrdinalIgnoreCase)
{
    ["runtime"] = RuntimeSuite.RunAsync,
    ["storage"] = StorageSuite.RunAsync,
    ["segments"] = SegmentsSuite.RunAsync,
    ["ingest"] = IngestSuite.RunAsync,
    ["query"] = QuerySuite.RunAsync,
    ["push"] = PushSuite.RunAsync,
    ["encoding"] = EncodingSuite.RunAsync,
    ["cluster"] = ClusterSuite.RunAsync,
    ["intent"] = IntentSuite.RunAsync,
};

var settings = BenchSettings.Parse(args);
if (!suites.TryGetValue(settings.Suite, out var run))
{
    AnsiConsole.MarkupLine("usage: dotnet run -c Release --project bench/Crm.Bench -- <suite> [--quick]");
    AnsiConsole.MarkupLine("suites: " + string.Join(", ", suites.Keys));
    return settings.Suite.Length == 0 ? 0 : 2;
}

var report = await run(settings);
report.Write();
return 0;
