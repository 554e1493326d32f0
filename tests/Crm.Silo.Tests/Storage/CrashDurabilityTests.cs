using System.Globalization;
using System.Text.Json;
using Crm.Silo.Tests.Infrastructure;
using Crm.Testing;
using Npgsql;

namespace Crm.Silo.Tests.Storage;

[Collection(RunsAlone.Name)]
public sealed class CrashDurabilityTests(PostgresTestDatabase database) : IClassFixture<PostgresTestDatabase>
{
    private const int AcksBeforeKill = 2_000;

    [Fact]
    public async Task Every_write_acknowledged_before_a_SIGKILL_is_in_the_database()
    {
        var acked = new Dictionary<string, (long Version, long Value)>();
        var received = 0;
        using var writer = CrashWriterProcess.Start(database.ConnectionString, keys: 64);
        var errors = writer.StandardError.ReadToEndAsync();
        try
        {
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            while (received < AcksBeforeKill)
            {
                var line = await writer.StandardOutput.ReadLineAsync(patience.Token)
                    ?? throw new InvalidOperationException($"The writer stopped after {received} acks: {await errors}");
                Acknowledge(acked, line);
                received++;
            }

            writer.Kill();
            await writer.WaitForExitAsync(patience.Token);

            // Lines already in the pipe were printed, and so acknowledged, before the kill: they count too.
            string? rest;
            while ((rest = await writer.StandardOutput.ReadLineAsync(patience.Token)) is not null)
            {
                Acknowledge(acked, rest);
            }
        }
        finally
        {
            if (!writer.HasExited)
            {
                writer.Kill();
            }
        }

        var stored = await StoredLedgersAsync();

        Assert.Equal(128 + 9, writer.ExitCode);
        Assert.Equal(64, acked.Count);
        Assert.All(acked, ack =>
        {
            Assert.True(stored.TryGetValue(ack.Key, out var row), $"{ack.Key} was acknowledged at version {ack.Value.Version} but is not stored");
            Assert.True(row.Version >= ack.Value.Version, $"{ack.Key} was acknowledged at version {ack.Value.Version} but version {row.Version} is stored");
            if (row.Version == ack.Value.Version)
            {
                Assert.Equal(ack.Value.Value, row.Value);
            }
        });
    }

    /// <summary>Keeps the newest ack per key: each key's writes are sequential, so it implies every earlier one.</summary>
    private static void Acknowledge(Dictionary<string, (long Version, long Value)> acked, string line)
    {
        var parts = line.Split(' ');
        Assert.True(parts is ["ack", _, _, _], $"unexpected line from the writer: {line}");
        var ack = (long.Parse(parts[2], CultureInfo.InvariantCulture), long.Parse(parts[3], CultureInfo.InvariantCulture));
        if (!acked.TryGetValue(parts[1], out var newest) || ack.Item1 > newest.Version)
        {
            acked[parts[1]] = ack;
        }
    }

    private async Task<Dictionary<string, (long Version, long Value)>> StoredLedgersAsync()
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT grain_key, version, payload FROM crm_grain_state WHERE grain_type = 'ledger.ledger'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var stored = new Dictionary<string, (long Version, long Value)>();
        while (await reader.ReadAsync())
        {
            using var payload = JsonDocument.Parse(reader.GetString(2));
            stored[reader.GetString(0)] = (reader.GetInt64(1), payload.RootElement.GetProperty("value").GetInt64());
        }

        return stored;
    }
}
