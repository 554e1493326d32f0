using System.Globalization;
using Crm.Silo.CrashWriter;
using Crm.Silo.Hosting;
using Crm.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Hosting;

// Writes through an Orleans silo on PostgreSQL (group commit, many concurrent writers, each key written again and again
// with a rising value) until it is killed, printing "ack <key> <version> <value>" for every write the silo said is durable.
// Usage: Crm.Silo.CrashWriter [keys], with the database named by ConnectionStrings__Crm.
var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Crm");
if (string.IsNullOrWhiteSpace(connectionString))
{
    await Console.Error.WriteLineAsync("ConnectionStrings__Crm is not set.");
    return 2;
}

var keys = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 64;

// No default configuration or logging: nothing in the working folder may change the writer, and standard output carries
// acks only. The log goes to standard error, which the test shows if the writer stops early.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
builder.Services.AddSingleton<IStateStorage>(new PostgresStateStorage(connectionString));
builder.UseOrleans(silo =>
{
    silo.UseOneNodeCluster(ClusterSettings.AnyFreePorts);
    silo.AddCrmStorage(new SiloOptions(), states => states.AddJsonContracts(LedgerJsonContext.Default));
});
using var host = builder.Build();
await host.StartAsync();
var grains = host.Services.GetRequiredService<IGrainFactory>();

// Flushed line by line: a printed ack leaves the process at once, and each one is a promise the test holds the database to.
var acks = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true };
await Task.WhenAll(Enumerable.Range(0, keys).Select(index => Task.Run(async () =>
{
    var key = $"key-{index}";
    var grain = grains.GetGrain<ILedgerGrain>(key);
    for (long value = 1; ; value++)
    {
        var version = await grain.Set(value);
        lock (acks)
        {
            acks.WriteLine($"ack {key} {version} {value}");
        }
    }
})));
return 0;
