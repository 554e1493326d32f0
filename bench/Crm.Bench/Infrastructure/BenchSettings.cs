namespace Crm.Bench.Infrastructure;

/// <summary>Command-line settings shared by the suites.</summary>
public sealed record BenchSettings(string Suite, bool Quick, string Command, IReadOnlyList<string> Arguments)
{
    /// <summary>How long each measured phase runs: short with <c>--quick</c> so a suite finishes within a minute.</summary>
    public TimeSpan Phase => Quick ? TimeSpan.FromSeconds(3) : TimeSpan.FromSeconds(10);

    public TimeSpan Warmup => Quick ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(3);

    public static BenchSettings Parse(string[] args) =>
        new(args.FirstOrDefault(arg => !arg.StartsWith("--")) ?? string.Empty, args.Contains("--quick"), "dotnet run -c Release --project bench/Crm.Bench -- " + string.Join(' ', args), args);

    /// <summary>The word after <c>--{name}</c>, or null when the option is absent.</summary>
    /// <exception cref="ArgumentException">The option is present without a word after it.</exception>
    public string? Word(string name)
    {
        var at = Arguments.ToList().IndexOf("--" + name);
        if (at < 0)
        {
            return null;
        }

        return at + 1 < Arguments.Count && !Arguments[at + 1].StartsWith("--", StringComparison.Ordinal)
            ? Arguments[at + 1]
            : throw new ArgumentException($"--{name} needs a word after it");
    }

    /// <summary>The whole number after <c>--{name}</c>, or null when the option is absent.</summary>
    /// <exception cref="ArgumentException">The option is present without a positive whole number after it.</exception>
    public int? Number(string name)
    {
        var at = Arguments.ToList().IndexOf("--" + name);
        if (at < 0)
        {
            return null;
        }

        return at + 1 < Arguments.Count && int.TryParse(Arguments[at + 1], System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"--{name} needs a positive whole number after it");
    }
}
