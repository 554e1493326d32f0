using System.Globalization;
using Crm.Silo.CrashWriter;
using Crm.Silo.Hosting;
using Crm.Silo.Runtime;
using Crm.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;

// Writes through a silo on PostgreSQL (group commit, many concurrent writers, each key written again and again with
// a rising value) until it is killed, printing "ack <key> <version> <value>" for every write the silo said is durable.
// Usage: Crm.Silo.CrashWriter [keys], with the database named by ConnectionStrings__Crm.
var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Crm");
if (string.IsNullOrWhiteSpace(connectionString))
{
    await Console.Error.WriteLineAsync("ConnectionStrings__Crm is not set.");
    return 2;
}

var keys = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 64;
var services = new ServiceCollection();
services.AddSilo(silo => silo
    .AddGrain<LedgerGrain>()
    .AddJsonContracts(LedgerJsonContext.Default)
    .UseStorage(new PostgresStateStorage(connectionString)));
await using var provider = services.BuildServiceProvider();
var silo = provider.GetRequiredService<SiloRuntime>();
await silo.StartAsync(CancellationToken.None);

// Flushed line by line: a printed ack leaves the process at once, and each one is a promise the test holds the database to.
var acks = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true };
await Task.WhenAll(Enumerable.Range(0, keys).Select(index => Task.Run(async () =>
{
    var key = $"key-{index}";
    var grain = silo.GetGrain<ILedgerGrain>(key);
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
