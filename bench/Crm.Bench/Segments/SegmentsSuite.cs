using System.Diagnostics;
using Crm.Bench.Infrastructure;
using Crm.Grains.Customers;
using Crm.Grains.Intents;
using Crm.Grains.Segments;

namespace Crm.Bench.Segments;

/// <summary>
/// What a segment rule costs per customer change: nanoseconds and bytes per evaluation of compiled rules over varied
/// customers, beside the same typical rule written by hand in C# in the same run, and what parsing and compiling cost once.
/// One thread: a grain evaluates its workspace's rules inside its own turn.
/// </summary>
public static class SegmentsSuite
{
    /// <summary>Four clauses of four kinds: a stage list, a string, money and relative time.</summary>
    public const string TypicalRule = "lifecycle in [active, vip] and country = \"DE\" and ltv >= 500 and last_active within 30d";

    /// <summary>Eight clauses touching custom attributes, sets, nulls, <c>or</c> and <c>not</c>.</summary>
    public const string WideRule =
        "(lifecycle = at_risk or csat < 3) and intent = support and tags has any [\"churn-risk\", \"complaint\"] " +
        "and attr.plan = \"premium\" and attr.seats >= 10 and last_contact older_than 14d and not segments has \"do-not-contact\"";

    private const int Customers = 4_096;

    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    public static Task<BenchReport> RunAsync(BenchSettings settings)
    {
        var report = new BenchReport("segments", settings.Command);
        var customers = GenerateCustomers();
        var typical = SegmentRule.Parse(TypicalRule).Compile();
        Func<CustomerSnapshot, DateTimeOffset, bool> handWritten = (customer, now) =>
            customer.Lifecycle is Lifecycle.Active or Lifecycle.Vip
            && customer.Country is not null && customer.Country.Equals("DE", StringComparison.OrdinalIgnoreCase)
            && customer.LifetimeValue >= 500m
            && customer.LastActive is { } lastActive && lastActive >= now.AddDays(-30);
        var matches = customers.Count(customer => typical(customer, Now));
        if (matches != customers.Count(customer => handWritten(customer, Now)))
        {
            throw new InvalidOperationException("the compiled rule and the hand-written one disagree: the benchmark is broken");
        }

        var baseline = Measure(handWritten, customers, settings);
        var compiled = Measure(typical, customers, settings);
        var wide = Measure(SegmentRule.Parse(WideRule).Compile(), customers, settings);
        report.Add("typical.hand_written_ns", baseline.Nanoseconds, "ns/evaluation", "the same rule as a C# lambda");
        report.Add("typical.compiled_ns", compiled.Nanoseconds, "ns/evaluation", $"4 clauses; {matches * 100.0 / customers.Length:0}% of customers match");
        report.Add("typical.ratio", compiled.Nanoseconds / baseline.Nanoseconds, "x", "compiled / hand-written");
        report.Add("typical.bytes_per_evaluation", compiled.Bytes, "bytes");
        report.Add("wide.compiled_ns", wide.Nanoseconds, "ns/evaluation", "8 clauses with attributes, sets, or, not");
        report.Add("wide.bytes_per_evaluation", wide.Bytes, "bytes");
        report.Add("parse_us", MeasurePerCall(() => SegmentRule.Parse(WideRule), settings), "µs", "the 8-clause rule: tokenize, parse, validate");
        report.Add("parse_and_compile_us", MeasurePerCall(() => SegmentRule.Parse(WideRule).Compile(), settings), "µs", "the 8-clause rule, to a delegate");
        return Task.FromResult(report);
    }

    private static (double Nanoseconds, double Bytes) Measure(Func<CustomerSnapshot, DateTimeOffset, bool> predicate, CustomerSnapshot[] customers, BenchSettings settings)
    {
        Run(predicate, customers, settings.Warmup);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        var evaluations = Run(predicate, customers, settings.Phase);
        var elapsed = watch.Elapsed;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        return (elapsed.TotalNanoseconds / evaluations, allocated / (double)evaluations);
    }

    /// <summary>Whole passes over the customers until the time is up; the match count keeps the JIT from dropping the calls.</summary>
    private static long Run(Func<CustomerSnapshot, DateTimeOffset, bool> predicate, CustomerSnapshot[] customers, TimeSpan duration)
    {
        var watch = Stopwatch.StartNew();
        long evaluations = 0;
        var matches = 0;
        while (watch.Elapsed < duration)
        {
            foreach (var customer in customers)
            {
                if (predicate(customer, Now))
                {
                    matches++;
                }
            }

            evaluations += customers.Length;
        }

        GC.KeepAlive(matches);
        return evaluations;
    }

    /// <summary>Microseconds per call, after a warm-up long enough for tiered compilation to settle, measured for as long again.</summary>
    private static double MeasurePerCall(Action action, BenchSettings settings)
    {
        var warmup = Stopwatch.StartNew();
        while (warmup.Elapsed < settings.Warmup)
        {
            action();
        }

        var calls = 0;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < settings.Warmup)
        {
            action();
            calls++;
        }

        return watch.Elapsed.TotalMicroseconds / calls;
    }

    /// <summary>
    /// Customers for whom each clause of the typical rule holds about 70% of the time, so an evaluation runs
    /// about 2.5 of its 4 clauses before it knows the answer, and about a quarter of customers match.
    /// </summary>
    private static CustomerSnapshot[] GenerateCustomers()
    {
        var random = new Random(20261121);
        T Pick<T>(params T[] values) => values[random.Next(values.Length)];
        bool Often() => random.NextDouble() < 0.7;
        return Enumerable.Range(0, Customers).Select(i => new CustomerSnapshot
        {
            Id = $"customer-{i}",
            Name = $"Customer {i}",
            Country = Often() ? Pick("DE", "de") : Pick(null, "AT", "FR", "GB"),
            Lifecycle = Often() ? Pick(Lifecycle.Active, Lifecycle.Vip) : Pick(Lifecycle.Lead, Lifecycle.Customer, Lifecycle.AtRisk, Lifecycle.Churned),
            Intent = Pick(Enum.GetValues<Intent>()),
            LifetimeValue = Often() ? random.Next(500, 5_000) : random.Next(0, 500),
            CsatAverage = Pick<double?>(null, 1, 2.5, 4, 5),
            Tags = Pick<HashSet<string>>([], ["vip"], ["complaint", "newsletter"], ["churn-risk"]),
            Segments = Pick<HashSet<string>>([], ["do-not-contact"], ["germany", "returning"]),
            LastActive = Often() ? Now.AddHours(-random.Next(0, 30 * 24)) : Pick<DateTimeOffset?>(null, Now.AddDays(-random.Next(31, 400))),
            LastContact = Pick<DateTimeOffset?>(null, Now.AddDays(-random.Next(0, 40))),
            Attributes = new Dictionary<string, AttributeValue>
            {
                ["plan"] = AttributeValue.Of(Pick("premium", "basic")),
                ["seats"] = AttributeValue.Of((decimal)random.Next(1, 30)),
            },
        }).ToArray();
    }
}
