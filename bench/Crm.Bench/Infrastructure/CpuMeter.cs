using System.Diagnostics;
using Npgsql;

namespace Crm.Bench.Infrastructure;

/// <summary>
/// CPU time spent by this process and by the PostgreSQL backends serving one database, between two readings. On a
/// machine others are using too, throughput says how much CPU the benchmark was given; CPU per event says what the work
/// costs, whoever else is running. Backend CPU comes from <c>/proc</c>, so it is only counted when PostgreSQL runs on
/// this machine (zero otherwise); server-wide processes (WAL writer, checkpointer) are not counted for either side.
/// </summary>
public sealed class CpuMeter(string serverConnectionString, string database)
{
    private const double TicksPerSecond = 100.0;

    public async Task<CpuReading> ReadAsync()
    {
        var backends = new Dictionary<int, TimeSpan>();
        foreach (var pid in await BackendsAsync())
        {
            backends[pid] = BackendCpu(pid);
        }

        return new CpuReading(Process.GetCurrentProcess().TotalProcessorTime, backends);
    }

    /// <summary>CPU used between two readings; a backend that started in between counts from zero.</summary>
    public static (TimeSpan Process, TimeSpan Database) Between(CpuReading before, CpuReading after) =>
        (after.Process - before.Process,
         after.Backends.Aggregate(TimeSpan.Zero, (sum, backend) => sum + backend.Value - before.Backends.GetValueOrDefault(backend.Key)));

    private async Task<List<int>> BackendsAsync()
    {
        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pid FROM pg_stat_activity WHERE datname = $1", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = database });
        var pids = new List<int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            pids.Add(reader.GetInt32(0));
        }

        return pids;
    }

    /// <summary>utime + stime of a process, fields 14 and 15 of <c>/proc/{pid}/stat</c>, in clock ticks of 1/100 s.</summary>
    private static TimeSpan BackendCpu(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return TimeSpan.FromSeconds((long.Parse(fields[11]) + long.Parse(fields[12])) / TicksPerSecond);
        }
        catch (IOException)
        {
            return TimeSpan.Zero;
        }
        catch (UnauthorizedAccessException)
        {
            return TimeSpan.Zero;
        }
    }
}

public sealed record CpuReading(TimeSpan Process, IReadOnlyDictionary<int, TimeSpan> Backends);
