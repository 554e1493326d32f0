using Crm.Grains.Customers;
using Crm.Grains.Intents;
using Crm.Grains.Segments;

namespace Crm.Grains.Tests.Segments;

/// <summary>
/// Random rules over random customers, each checked against a plain C# reading of the same rule, to catch what a
/// compiler gets wrong only in combination: short-circuits, precedence, nulls, boundaries.
/// </summary>
public sealed class SegmentRuleGeneratedTests
{
    private const StringComparison IgnoreCase = StringComparison.OrdinalIgnoreCase;
    private const int Customers = 400;
    private const int Rules = 150;

    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private static readonly Clause[] Clauses =
    [
        new("name = \"ana\"", c => c.Name is not null && string.Equals(c.Name, "ana", IgnoreCase)),
        new("name != \"ana\"", c => c.Name is not null && !string.Equals(c.Name, "ana", IgnoreCase)),
        new("city contains \"ber\"", c => c.City is not null && c.City.Contains("ber", IgnoreCase)),
        new("email starts_with \"ana@\"", c => c.Email is not null && c.Email.StartsWith("ana@", IgnoreCase)),
        new("country in [\"de\", \"AT\"]", c => c.Country is "DE" or "de" or "at" or "AT" or "De" or "aT"),
        new("company < \"m\"", c => c.Company is not null && string.Compare(c.Company, "m", IgnoreCase) < 0),
        new("company >= \"m\"", c => c.Company is not null && string.Compare(c.Company, "m", IgnoreCase) >= 0),
        new("language is null", c => c.Language is null),
        new("language = \"PT\"", c => c.Language is "pt" or "PT" or "Pt" or "pT"),
        new("lifecycle = vip", c => c.Lifecycle == Lifecycle.Vip),
        new("lifecycle != churned", c => c.Lifecycle != Lifecycle.Churned),
        new("lifecycle in [prospect, at_risk]", c => c.Lifecycle is Lifecycle.Lead or Lifecycle.AtRisk),
        new("intent = support", c => c.Intent == Intent.Support),
        new("intent in [sales_opportunity, general]", c => c.Intent is Intent.SalesOpportunity or Intent.General),
        new("orders > 2.5", c => c.Orders >= 3),
        new("orders <= 2", c => c.Orders <= 2),
        new("orders = 3", c => c.Orders == 3),
        new("orders != 0", c => c.Orders != 0),
        new("orders in [0, 5]", c => c.Orders is 0 or 5),
        new("conversations >= 10", c => c.Conversations >= 10),
        new("messages < 100", c => c.Messages < 100),
        new("ltv >= 100", c => c.LifetimeValue >= 100m),
        new("ltv < 99.99", c => c.LifetimeValue < 99.99m),
        new("ltv = 100.00", c => c.LifetimeValue == 100m),
        new("intent_score > 0.5", c => c.IntentScore > 0.5),
        new("csat >= 4", c => c.CsatAverage >= 4),
        new("csat != 3", c => c.CsatAverage is { } csat && csat != 3),
        new("csat is null", c => c.CsatAverage is null),
        new("tags has \"vip\"", c => c.Tags.Contains("vip")),
        new("tags has any [\"gold\", \"SILVER\"]", c => c.Tags.Contains("gold") || c.Tags.Contains("silver")),
        new("tags has all [\"vip\", \"gold\"]", c => c.Tags.Contains("vip") && c.Tags.Contains("gold")),
        new("segments has \"germany\"", c => c.Segments.Contains("germany")),
        new("channels has whatsapp", c => c.Channels.Contains("whatsapp")),
        new("channels has any [sms, \"email\"]", c => c.Channels.Contains("sms") || c.Channels.Contains("email")),
        new("last_active within 30d", c => c.LastActive is { } at && at >= Now.AddDays(-30)),
        new("last_active older_than 90d", c => c.LastActive is { } at && at < Now.AddDays(-90)),
        new("last_contact within 12h", c => c.LastContact is { } at && at >= Now.AddHours(-12)),
        new("last_contact is not null", c => c.LastContact is not null),
        new("first_seen < 2026-01-01", c => c.FirstSeen < new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)),
        new("first_seen = 2025-06-15", c => c.FirstSeen.UtcDateTime.Date == new DateTime(2025, 6, 15)),
        new("first_seen != 2025-06-15", c => c.FirstSeen.UtcDateTime.Date != new DateTime(2025, 6, 15)),
        new("first_seen <= 2025-06-15", c => c.FirstSeen.UtcDateTime.Date <= new DateTime(2025, 6, 15)),
        new("first_seen > 2025-06-15", c => c.FirstSeen.UtcDateTime.Date > new DateTime(2025, 6, 15)),
        new("first_seen > 2025-06-15T12:00:00Z", c => c.FirstSeen > new DateTimeOffset(2025, 6, 15, 12, 0, 0, TimeSpan.Zero)),
        new("attr.plan = \"premium\"", c => Attribute(c, "plan") is { Kind: AttributeKind.String } a && string.Equals(a.Text, "premium", IgnoreCase)),
        new("attr.plan is null", c => Attribute(c, "plan") is null),
        new("attr.seats > 10", c => Attribute(c, "seats") is { Kind: AttributeKind.Number } a && a.Number > 10m),
        new("attr.seats != \"12\"", c => Attribute(c, "seats") is { Kind: AttributeKind.String } a && !string.Equals(a.Text, "12", IgnoreCase)),
        new("attr.seats in [12, \"twelve\"]", c => Attribute(c, "seats") is { Kind: AttributeKind.Number, Number: 12m } or { Kind: AttributeKind.String, Text: "twelve" }),
        new("attr.trial = true", c => Attribute(c, "trial") is { Kind: AttributeKind.Boolean, Boolean: true }),
        new("attr.renewal < 2027-01-01", c => Attribute(c, "renewal") is { Kind: AttributeKind.Date } a && a.Date < new DateOnly(2027, 1, 1)),
    ];

    [Fact]
    public void Every_clause_agrees_with_its_reference_on_every_generated_customer()
    {
        var customers = GenerateCustomers(new Random(20261121));

        var mismatches = Clauses.SelectMany(clause => Mismatches(SegmentRule.Parse(clause.Text), clause.Reference, customers)).ToList();

        Assert.Empty(mismatches);
        Assert.Empty(Clauses.Where(clause => customers.All(clause.Reference) || !customers.Any(clause.Reference)).Select(clause => $"{clause.Text} gives one answer for every customer"));
    }

    [Fact]
    public void Generated_rules_agree_with_a_reference_evaluation_on_generated_customers()
    {
        var random = new Random(7);
        var customers = GenerateCustomers(random);
        var rules = Enumerable.Range(0, Rules).Select(_ => Generate(random, depth: 3)).ToList();

        var mismatches = rules.SelectMany(rule => Mismatches(SegmentRule.Parse(rule.Text), rule.Reference, customers)).ToList();

        Assert.Empty(mismatches);
    }

    [Fact]
    public void Generated_rules_give_the_same_answers_after_a_round_trip_through_to_string()
    {
        var random = new Random(11);
        var customers = GenerateCustomers(random);
        var rules = Enumerable.Range(0, Rules).Select(_ => SegmentRule.Parse(Generate(random, depth: 3).Text)).ToList();

        var mismatches = rules.SelectMany(rule => Mismatches(SegmentRule.Parse(rule.ToString()), rule.Matches, customers)).ToList();

        Assert.Empty(mismatches);
    }

    private static IEnumerable<string> Mismatches(SegmentRule rule, Func<CustomerSnapshot, bool> reference, IReadOnlyList<CustomerSnapshot> customers) =>
        Mismatches(rule, (customer, _) => reference(customer), customers);

    private static IEnumerable<string> Mismatches(SegmentRule rule, Func<CustomerSnapshot, DateTimeOffset, bool> reference, IReadOnlyList<CustomerSnapshot> customers)
    {
        var predicate = rule.Compile();
        return customers
            .Where(customer => predicate(customer, Now) != reference(customer, Now))
            .Take(1)
            .Select(customer => $"{rule} gives {predicate(customer, Now)} for {Describe(customer)}");
    }

    /// <summary>A random tree of clauses; the text gets parentheses only where precedence needs them, and sometimes where it does not.</summary>
    private static Clause Generate(Random random, int depth)
    {
        if (depth == 0 || random.Next(4) == 0)
        {
            return Clauses[random.Next(Clauses.Length)];
        }

        switch (random.Next(3))
        {
            case 0:
                var negated = Generate(random, depth - 1);
                var operand = negated.IsCompound || random.Next(4) == 0 ? $"({negated.Text})" : negated.Text;
                return new Clause($"not {operand}", c => !negated.Reference(c), IsCompound: false);
            case 1:
                var (left, right) = (Generate(random, depth - 1), Generate(random, depth - 1));
                return new Clause($"{Wrap(left, random, needed: left.IsOr)} and {Wrap(right, random, needed: right.IsOr)}", c => left.Reference(c) && right.Reference(c), IsCompound: true);
            default:
                var (first, second) = (Generate(random, depth - 1), Generate(random, depth - 1));
                return new Clause($"{Wrap(first, random, needed: false)} or {Wrap(second, random, needed: false)}", c => first.Reference(c) || second.Reference(c), IsCompound: true, IsOr: true);
        }
    }

    private static string Wrap(Clause clause, Random random, bool needed) => needed || random.Next(5) == 0 ? $"({clause.Text})" : clause.Text;

    private static List<CustomerSnapshot> GenerateCustomers(Random random)
    {
        T Pick<T>(params T[] values) => values[random.Next(values.Length)];
        HashSet<string> Subset(params string[] values) => values.Where(_ => random.Next(2) == 0).ToHashSet();
        DateTimeOffset Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

        return Enumerable.Range(0, Customers).Select(i =>
        {
            var attributes = new Dictionary<string, AttributeValue>();
            void Maybe(string name, params AttributeValue[] values)
            {
                if (random.Next(values.Length + 1) is var index && index < values.Length)
                {
                    attributes[name] = values[index];
                }
            }

            Maybe("plan", AttributeValue.Of("premium"), AttributeValue.Of("PREMIUM"), AttributeValue.Of("basic"), AttributeValue.Of(12m), AttributeValue.Of(true));
            Maybe("seats", AttributeValue.Of(10m), AttributeValue.Of(10.5m), AttributeValue.Of(12m), AttributeValue.Of("12"), AttributeValue.Of("twelve"));
            Maybe("trial", AttributeValue.Of(true), AttributeValue.Of(false), AttributeValue.Of("true"));
            Maybe("renewal", AttributeValue.Of(new DateOnly(2026, 12, 31)), AttributeValue.Of(new DateOnly(2027, 1, 1)), AttributeValue.Of("2026-12-31"));
            return new CustomerSnapshot
            {
                Id = $"customer-{i}",
                Name = Pick(null, "Ana", "ANA", "ana souza", "Bob"),
                Email = Pick(null, "ana@example.com", "ANA@example.org", "bob@ana.com"),
                City = Pick(null, "Berlin", "BERN", "Hamburg", "Überlingen"),
                Country = Pick(null, "DE", "de", "at", "CH", "FR"),
                Company = Pick(null, "Acme", "m", "M", "Zeta", "mango", "Lima"),
                Language = Pick(null, "pt", "PT", "de"),
                Lifecycle = Pick(Enum.GetValues<Lifecycle>()),
                Intent = Pick(Enum.GetValues<Intent>()),
                IntentScore = Pick(0, 0.5, 0.50001, 0.9),
                Tags = Subset("vip", "gold", "silver", "newsletter"),
                Segments = Subset("germany", "returning"),
                Channels = Subset("whatsapp", "sms", "email", "widget"),
                Orders = random.Next(7),
                Conversations = random.Next(8, 13),
                Messages = Pick(0, 99, 100, 101, 500),
                LifetimeValue = Pick(0m, 99.98m, 99.99m, 100m, 100.00m, 100.01m, 1250.5m),
                CsatAverage = Pick<double?>(null, 1, 3, 3.99, 4, 5),
                FirstSeen = Pick(
                    Utc(2025, 6, 14, 23, 59).AddTicks(599_999_999),
                    Utc(2025, 6, 15, 0, 0),
                    Utc(2025, 6, 15, 12, 0),
                    Utc(2025, 6, 15, 23, 59),
                    Utc(2025, 6, 16, 0, 0),
                    new DateTimeOffset(2025, 6, 16, 1, 0, 0, TimeSpan.FromHours(2)),
                    Utc(2025, 12, 31, 23, 59),
                    Utc(2026, 1, 1, 0, 0)),
                LastActive = Pick<DateTimeOffset?>(null, Now, Now.AddDays(-29.9), Now.AddDays(-30), Now.AddDays(-30).AddTicks(-1), Now.AddDays(-89), Now.AddDays(-90), Now.AddDays(-91)),
                LastContact = Pick<DateTimeOffset?>(null, Now.AddHours(-1), Now.AddHours(-12), Now.AddHours(-12).AddTicks(-1), Now.AddDays(-3)),
                Attributes = attributes,
            };
        }).ToList();
    }

    private static AttributeValue? Attribute(CustomerSnapshot customer, string name) => customer.Attributes.GetValueOrDefault(name);

    private static string Describe(CustomerSnapshot customer) =>
        $"{customer with { Attributes = new Dictionary<string, AttributeValue>() }} attributes [{string.Join(", ", customer.Attributes.Select(pair => $"{pair.Key}={pair.Value}"))}] " +
        $"tags [{string.Join(", ", customer.Tags)}] channels [{string.Join(", ", customer.Channels)}]";

    private sealed record Clause(string Text, Func<CustomerSnapshot, bool> Reference, bool IsCompound = false, bool IsOr = false);
}
