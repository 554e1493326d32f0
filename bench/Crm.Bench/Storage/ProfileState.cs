using Orleans;

namespace Crm.Bench.Storage;

/// <summary>The state every writer stores: a customer profile of about 1 KB of JSON.</summary>
[GenerateSerializer]
[Alias("crm.bench.ProfileState")]
public sealed class ProfileState
{
    [Id(0)]
    public string Name { get; set; } = string.Empty;

    [Id(1)]
    public string Email { get; set; } = string.Empty;

    [Id(2)]
    public string Phone { get; set; } = string.Empty;

    [Id(3)]
    public string Company { get; set; } = string.Empty;

    [Id(4)]
    public string City { get; set; } = string.Empty;

    [Id(5)]
    public string Country { get; set; } = string.Empty;

    [Id(6)]
    public string Language { get; set; } = string.Empty;

    [Id(7)]
    public string Lifecycle { get; set; } = string.Empty;

    [Id(8)]
    public string Intent { get; set; } = string.Empty;

    [Id(9)]
    public List<string> Tags { get; set; } = [];

    [Id(10)]
    public long Conversations { get; set; }

    [Id(11)]
    public long Messages { get; set; }

    [Id(12)]
    public long Orders { get; set; }

    [Id(13)]
    public long CsatSum { get; set; }

    [Id(14)]
    public long CsatCount { get; set; }

    [Id(15)]
    public decimal LifetimeValue { get; set; }

    [Id(16)]
    public DateTimeOffset LastContact { get; set; }

    [Id(17)]
    public List<string> Notes { get; set; } = [];

    [Id(18)]
    public Dictionary<string, string> Attributes { get; set; } = [];

    [Id(19)]
    public List<string> RecentEvents { get; set; } = [];

    [Id(20)]
    public string Padding { get; set; } = string.Empty;

    /// <summary>The profile of <paramref name="customer"/> after its <paramref name="iteration"/>th change: counters move and recent events are new each time.</summary>
    public static ProfileState Sample(string customer, long iteration) => new()
    {
        Name = $"Customer {customer}",
        Email = $"{customer}@example.com",
        Phone = $"+44207946{iteration % 10_000:0000}",
        Company = "Example Trading Ltd",
        City = "London",
        Country = "GB",
        Language = "en",
        Lifecycle = "active",
        Intent = "support",
        Tags = ["vip", "newsletter", "returning"],
        Conversations = iteration % 50,
        Messages = iteration,
        Orders = iteration % 7,
        CsatSum = iteration % 5 * 4,
        CsatCount = iteration % 5,
        LifetimeValue = iteration * 12.5m,
        LastContact = new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero),
        Notes = ["agent-7, 2026-11-20 09:30: asked about delivery times for the spring collection and the returns policy for sale items."],
        Attributes = new() { ["plan"] = "premium", ["seats"] = "12", ["trial"] = "false", ["renewal"] = "2027-01-15" },
        RecentEvents = [.. Enumerable.Range(0, 6).Select(_ => Guid.NewGuid().ToString("N"))],
        Padding = new string('x', 180),
    };
}
