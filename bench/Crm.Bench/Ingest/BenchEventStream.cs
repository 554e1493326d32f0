using Crm.Grains.Ingest;
using Crm.Web.Demo;

namespace Crm.Bench.Ingest;

/// <summary>
/// One adapter's events, in the mix a support and sales inbox sees: mostly messages (inbound with sales, support and
/// general wording the intent model reads, some agent replies), conversations opening and closing, page views, CSAT
/// scores and orders, each for a random customer of the population and with an id no other event has. Not thread-safe.
/// </summary>
public sealed class BenchEventStream(BenchPopulation population, string adapter, int seed)
{
    private static readonly (string Kind, int Weight)[] Mix =
    [
        ("inbound", 55), ("outbound", 12), ("opened", 8), ("closed", 8), ("page", 7), ("csat", 5), ("order", 5),
    ];

    private static readonly string[] Kinds = Mix.SelectMany(entry => Enumerable.Repeat(entry.Kind, entry.Weight)).ToArray();
    private static readonly string[] Inbound = DemoPhrases.Inbound.Values.SelectMany(phrases => phrases).ToArray();
    private static readonly string[] Pages = ["/pricing", "/cart", "/products/walnut-desk", "/help/returns", "/"];

    private readonly Random _random = new(seed);
    private long _sequence;

    public EngagementEvent[] Next(int count, DateTimeOffset now)
    {
        var batch = new EngagementEvent[count];
        for (var i = 0; i < count; i++)
        {
            batch[i] = Event(now);
        }

        return batch;
    }

    private EngagementEvent Event(DateTimeOffset now)
    {
        var customer = _random.Next(population.Customers);
        var identity = BenchPopulation.IdentityOf(customer);
        var @event = new EngagementEvent
        {
            Id = $"{adapter}-{++_sequence}",
            Type = EventType.MessageReceived,
            Channel = identity.Channel,
            Identity = identity.Value,
            OccurredAt = now,
        };
        var product = DemoPhrases.Products[_random.Next(DemoPhrases.Products.Count)];
        return Kinds[_random.Next(Kinds.Length)] switch
        {
            "inbound" => @event with { ConversationId = population.ConversationOf(customer), Text = DemoPhrases.Fill(Inbound[_random.Next(Inbound.Length)], product) },
            "outbound" => @event with
            {
                ConversationId = population.ConversationOf(customer), Direction = MessageDirection.Outbound,
                Text = DemoPhrases.AgentReplies[_random.Next(DemoPhrases.AgentReplies.Count)],
            },
            "opened" => @event with { Type = EventType.ConversationOpened, ConversationId = population.ConversationOf(customer) },
            "closed" => @event with { Type = EventType.ConversationClosed, ConversationId = population.ConversationOf(customer) },
            "page" => @event with { Type = EventType.PageViewed, Url = "https://shop.example.com" + Pages[_random.Next(Pages.Length)] },
            "csat" => @event with { Type = EventType.CsatSubmitted, Score = 1 + _random.Next(5) },
            _ => @event with { Type = EventType.OrderPlaced, OrderId = $"{@event.Id}-order", Amount = 10 + _random.Next(40_000) / 100m, Currency = "USD" },
        };
    }
}
