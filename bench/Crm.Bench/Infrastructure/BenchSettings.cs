namespace Crm.Bench.Infrastructure;

/// <summary>Command-line settings shared by the suites.</summary>
public sealed record BenchSettings(string Suite, bool Quick, string Command)
{
    /// <summary>How long each measured phase runs: short with <c>--quick</c> so a suite finishes within a minute.</summary>
    public TimeSpan Phase => Quick ? TimeSpan.FromSeconds(3) : TimeSpan.FromSeconds(10);

    public TimeSpan Warmup => Quick ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(3);

    public static BenchSettings Parse(string[] args) =>
        new(args.FirstOrDefault(arg => !arg.StartsWith("--")) ?? string.Empty, args.Contains("--quick"), "dotnet run -c Release --project bench/Crm.Bench -- " + string.Join(' ', args));
}
