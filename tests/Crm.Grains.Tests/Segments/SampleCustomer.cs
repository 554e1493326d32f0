using Crm.Grains.Customers;
using Crm.Grains.Intents;

namespace Crm.Grains.Tests.Segments;

/// <summary>One fully described customer, and the fixed "now" rules are evaluated at.</summary>
internal static class SampleCustomer
{
    public static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    public static CustomerSnapshot Create() => new()
    {
        Id = "customer-1",
        Name = "Ana Souza",
        Email = "ana@example.com",
        Phone = "+5511987654321",
        Company = "Souza Ltda",
        City = "München",
        Country = "DE",
        Language = null,
        Lifecycle = Lifecycle.Vip,
        Intent = Intent.Support,
        IntentScore = 0.8,
        Tags = new HashSet<string> { "vip", "newsletter" },
        Segments = new HashSet<string> { "germany" },
        Channels = new HashSet<string> { "whatsapp", "email" },
        Conversations = 12,
        Messages = 140,
        Orders = 3,
        LifetimeValue = 1250.50m,
        CsatAverage = 4.5,
        FirstSeen = new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero),
        LastActive = Now.AddDays(-10),
        LastContact = null,
        Attributes = new Dictionary<string, AttributeValue>
        {
            ["plan"] = AttributeValue.Of("premium"),
            ["seats"] = AttributeValue.Of(12m),
            ["trial"] = AttributeValue.Of(false),
            ["renewal"] = AttributeValue.Of(new DateOnly(2027, 1, 15)),
        },
    };
}
