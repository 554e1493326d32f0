using System.Globalization;

namespace Crm.Web.Demo;

/// <summary>
/// The demo switches, read from configuration so the command line sets them: <c>--demo 5000</c> seeds 5,000 customers
/// into the default workspace, <c>--demo-seed 7</c> picks another deterministic population (42 by default),
/// <c>--demo-traffic 20</c> keeps posting 20 events a second through the public ingest API.
/// </summary>
public sealed record DemoOptions(int Customers, int Seed, double EventsPerSecond)
{
    public const string CustomersKey = "demo";
    public const string SeedKey = "demo-seed";
    public const string TrafficKey = "demo-traffic";
    public const int DefaultSeed = 42;
    public const int MaxCustomers = 10_000_000;
    public const double MaxEventsPerSecond = 100_000;

    /// <exception cref="InvalidOperationException">A demo option is present but not a number in its range.</exception>
    public static DemoOptions From(IConfiguration configuration) => new(
        (int)Number(configuration, CustomersKey, 0, MaxCustomers, "a whole number of customers", wholeNumber: true),
        (int)Number(configuration, SeedKey, 0, int.MaxValue, "a whole number", wholeNumber: true, fallback: DefaultSeed),
        Number(configuration, TrafficKey, 0, MaxEventsPerSecond, "a number of events per second", wholeNumber: false));

    private static double Number(IConfiguration configuration, string key, double min, double max, string what, bool wholeNumber, double fallback = 0)
    {
        if (configuration[key] is not { } text)
        {
            return fallback;
        }

        var parsed = wholeNumber
            ? long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole) ? whole : double.NaN
            : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) ? real : double.NaN;
        if (double.IsNaN(parsed) || parsed < min || parsed > max)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"--{key} must be {what} from {min:#,0} to {max:#,0}, not '{text}'"));
        }

        return parsed;
    }
}
