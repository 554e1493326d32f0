using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Crm.Browser.Tests.Infrastructure;

/// <summary>
/// A small, varied workspace made through the public API only: customers on several channels with messages of each
/// intent, orders, CSAT scores, tags, custom fields and every lifecycle stage.
/// </summary>
public static class DemoCustomers
{
    public sealed record Person(
        string Name,
        string Email,
        string Company,
        string City,
        string Country,
        string[] Tags,
        decimal[] Orders,
        string? Message,
        int DaysSinceContact,
        string? Lifecycle = null,
        int? Csat = null,
        string? WhatsApp = null);

    private const string Support = "My order arrived broken and I need help with a refund, it is not working";
    private const string Sales = "How much is the pro plan? We want to buy licences for the whole team, can you send a quote?";
    private const string General = "Thanks for the newsletter, have a nice day";

    /// <summary>Names the scenarios look for; the rest of the list only makes the page look like a workspace.</summary>
    public static readonly Person[] People =
    [
        new("Ana Lima", "ana.lima@acme.example", "Acme Corp", "São Paulo", "BR", ["wholesale", "priority"], [420m, 380m], Support, 1, Csat: 4, WhatsApp: "+55 11 98765 4321"),
        new("Bruno Costa", "bruno@globex.example", "Globex", "Lisbon", "PT", ["newsletter"], [], General, 2),
        new("Carla Mendes", "carla@initech.example", "Initech", "Porto", "PT", ["wholesale"], [1200m, 300m], Sales, 0, Csat: 5),
        new("Daniel Rocha", "daniel.rocha@acme.example", "Acme Corp", "Rio de Janeiro", "BR", [], [89.9m], Support, 3),
        new("Elena Petrova", "elena@umbrella.example", "Umbrella", "Berlin", "DE", ["enterprise"], [2500m], Sales, 5),
        new("Farid Haddad", "farid@stark.example", "Stark Industries", "Dubai", "AE", ["priority"], [150m, 75m, 60m], General, 40, "at_risk"),
        new("Grace Kim", "grace.kim@hooli.example", "Hooli", "Seoul", "KR", [], [], null, 12),
        new("Hugo Martin", "hugo@acme.example", "Acme Corp", "Lyon", "FR", ["wholesale", "newsletter"], [640m], Support, 7, Csat: 2),
        new("Isabel Ortiz", "isabel@wayne.example", "Wayne Enterprises", "Madrid", "ES", ["vip-lounge"], [3100m, 900m], General, 4, "vip"),
        new("Jonas Berg", "jonas@vandelay.example", "Vandelay Industries", "Oslo", "NO", [], [35m], null, 95, "churned"),
        new("Keiko Tanaka", "keiko@tyrell.example", "Tyrell", "Osaka", "JP", ["enterprise", "priority"], [780m], Sales, 1),
        new("Liam O'Brien", "liam@soylent.example", "Soylent", "Dublin", "IE", ["newsletter"], [], General, 20),
        new("Maya Singh", "maya@acme.example", "Acme Corp", "Mumbai", "IN", ["wholesale"], [260m, 140m], Support, 2, Csat: 3),
        new("Nina Weber", "nina@globex.example", "Globex", "Vienna", "AT", [], [55m], General, 33, "at_risk"),
        new("Omar Farouk", "omar@cyberdyne.example", "Cyberdyne", "Cairo", "EG", ["priority"], [], Sales, 0),
        new("Paula Gomez", "paula@initech.example", "Initech", "Bogotá", "CO", [], [120m], Support, 9),
        new("Quentin Blake", "quentin@hooli.example", "Hooli", "London", "GB", ["newsletter"], [], null, 60, "churned"),
        new("Rosa Alves", "rosa@acme.example", "Acme Corp", "Recife", "BR", ["wholesale"], [990m, 450m], General, 6, Csat: 5),
        new("Sven Larsen", "sven@umbrella.example", "Umbrella", "Copenhagen", "DK", [], [], General, 15),
        new("Tara Nolan", "tara@stark.example", "Stark Industries", "Boston", "US", ["enterprise"], [1800m], Sales, 2),
        new("Umar Bello", "umar@wayne.example", "Wayne Enterprises", "Lagos", "NG", [], [70m], Support, 11),
        new("Vera Novak", "vera@vandelay.example", "Vandelay Industries", "Prague", "CZ", ["newsletter"], [210m], General, 45, "at_risk"),
        new("Wei Zhang", "wei@tyrell.example", "Tyrell", "Shanghai", "CN", ["priority"], [5200m], General, 3, "vip"),
        new("Yara Haddad", "yara@soylent.example", "Soylent", "Beirut", "LB", [], [], Sales, 1),
    ];

    public static async Task SeedAsync(HttpClient admin)
    {
        var now = DateTimeOffset.UtcNow;
        var events = People.SelectMany((person, index) => EventsOf(person, index, now)).ToArray();
        var response = await admin.PostAsJsonAsync("/api/v1/events", new { events });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var outcomes = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.All(outcomes.GetProperty("results").EnumerateArray(), result => Assert.Equal("accepted", result.GetProperty("status").GetString()));

        foreach (var person in People)
        {
            var id = await IdOfAsync(admin, person);
            if (person.Tags.Length > 0)
            {
                Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/customers/{id}/tags", new { tags = person.Tags })).StatusCode);
            }

            if (person.Lifecycle is not null)
            {
                Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/customers/{id}/lifecycle", new { lifecycle = person.Lifecycle })).StatusCode);
            }
        }

        var noted = await admin.PostAsJsonAsync($"/api/v1/customers/{await IdOfAsync(admin, People[0])}/notes", new { text = "Prefers WhatsApp in the mornings." });
        Assert.Equal(HttpStatusCode.Created, noted.StatusCode);
    }

    public static async Task<string> IdOfAsync(HttpClient admin, Person person)
    {
        var page = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/customers?q={Uri.EscapeDataString(person.Email)}");
        return page.GetProperty("items").EnumerateArray().Single(row => row.GetProperty("email").GetString() == person.Email).GetProperty("id").GetString()!;
    }

    private static IEnumerable<object> EventsOf(Person person, int index, DateTimeOffset now)
    {
        var seen = now.AddDays(-person.DaysSinceContact - 30 - index);
        var contact = now.AddDays(-person.DaysSinceContact).AddMinutes(-10 - index);
        yield return new
        {
            id = $"demo-{index}-identify",
            type = "identify",
            channel = "email",
            identity = person.Email,
            occurredAt = seen,
            traits = new
            {
                profile = new { name = person.Name, company = person.Company, city = person.City, country = person.Country, language = "en" },
                identities = person.WhatsApp is null ? Array.Empty<object>() : [new { channel = "whatsapp", value = person.WhatsApp }],
                attributes = new Dictionary<string, object>
                {
                    ["plan"] = new { kind = "string", text = person.Orders.Sum() > 1000m ? "enterprise" : "starter" },
                    ["seats"] = new { kind = "number", number = 1 + (index % 7) * 5 },
                },
            },
        };
        for (var order = 0; order < person.Orders.Length; order++)
        {
            yield return new
            {
                id = $"demo-{index}-order-{order}", type = "order_placed", channel = "email", identity = person.Email,
                occurredAt = seen.AddDays(order + 1), orderId = $"ord-{index}-{order}", amount = person.Orders[order], currency = "EUR",
            };
        }

        if (person.Message is not null)
        {
            yield return new
            {
                id = $"demo-{index}-message", type = "message_received", channel = "email", identity = person.Email,
                occurredAt = contact, conversationId = $"conv-{index}", text = person.Message,
            };
        }

        if (person.Csat is { } score)
        {
            yield return new { id = $"demo-{index}-csat", type = "csat_submitted", channel = "email", identity = person.Email, occurredAt = contact.AddMinutes(1), conversationId = $"conv-{index}", score };
        }
    }
}
