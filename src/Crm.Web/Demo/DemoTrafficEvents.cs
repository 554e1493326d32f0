using System.Globalization;
using Bogus;
using Crm.Grains.Identities;
using Crm.Grains.Ingest;
using Crm.Grains.Intents;

namespace Crm.Web.Demo;

/// <summary>
/// Live events for the dashboard: most from seeded customers (messages with sales and support wording, replies,
/// conversations opening and closing, browsing, orders, ratings), some from people the demo population has not met yet,
/// who introduce themselves first. One conversation per customer per hour. Not thread-safe.
/// </summary>
public sealed class DemoTrafficEvents(DemoOptions options, string runId)
{
    /// <summary>Without a seeded population, traffic draws its customers from this many generated ones.</summary>
    private const int UnseededPopulation = 2_000;

    private const int MaxRemembered = 100_000;

    private static readonly (string Kind, float Weight)[] Kinds =
    [
        ("sales", 0.22f), ("support", 0.18f), ("general", 0.07f), ("reply", 0.10f), ("open", 0.10f), ("close", 0.08f),
        ("page", 0.12f), ("order", 0.06f), ("csat", 0.07f),
    ];

    private readonly DemoCustomerGenerator _generator = new(options.Seed, DateTimeOffset.UtcNow);
    private readonly Randomizer _random = new(options.Seed ^ runId.GetHashCode(StringComparison.Ordinal));
    private readonly Dictionary<int, EngagementEvent> _introductions = [];
    private readonly HashSet<int> _introduced = [];
    private long _sequence;

    public IReadOnlyList<EngagementEvent> Next(int count, DateTimeOffset now)
    {
        var events = new List<EngagementEvent>(count + 1);
        while (events.Count < count)
        {
            var index = PickCustomer();
            var introduction = Introduction(index);
            if (index >= options.Customers && _introduced.Add(index))
            {
                events.Add(introduction with { Id = NextId(), OccurredAt = now });
            }

            events.Add(Live(index, introduction, now));
        }

        return events;
    }

    /// <summary>
    /// Nine in ten events come from seeded customers when there are any, the rest from new people. Customers who went
    /// quiet rarely come back, so the Needs Attention card drifts rather than emptying within minutes.
    /// </summary>
    private int PickCustomer()
    {
        if (options.Customers == 0 || !_random.Bool(0.9f))
        {
            return options.Customers + _random.Number(0, options.Customers > 0 ? options.Customers / 10 + 100 : UnseededPopulation);
        }

        var index = _random.Number(0, options.Customers - 1);
        while (DemoPersonas.ForIndex(index) is DemoPersona.AtRisk or DemoPersona.Churned && !_random.Bool(0.02f))
        {
            index = _random.Number(0, options.Customers - 1);
        }

        return index;
    }

    private EngagementEvent Introduction(int index)
    {
        if (!_introductions.TryGetValue(index, out var introduction))
        {
            if (_introductions.Count >= MaxRemembered)
            {
                _introductions.Clear();
            }

            _introductions[index] = introduction = _generator.Plan(index).Events[0];
        }

        return introduction;
    }

    private EngagementEvent Live(int index, EngagementEvent introduction, DateTimeOffset now)
    {
        var identities = new[] { new ChannelIdentity(introduction.Channel, introduction.Identity) }.Concat(introduction.Traits?.Identities ?? []).ToArray();
        var talking = identities.FirstOrDefault(i => i.Channel is not (Channel.Widget or Channel.Phone)) ?? identities[0];
        var widget = identities.FirstOrDefault(i => i.Channel == Channel.Widget);
        var conversation = string.Create(CultureInfo.InvariantCulture, $"live-{index}-{now:yyyyMMddHH}");
        var product = _random.ListItem(DemoPhrases.Products.ToList());
        var @event = new EngagementEvent { Id = NextId(), Type = EventType.MessageReceived, Channel = talking.Channel, Identity = talking.Value, OccurredAt = now, ConversationId = conversation };
        return _random.WeightedRandom(Kinds.Select(k => k.Kind).ToArray(), Kinds.Select(k => k.Weight).ToArray()) switch
        {
            "sales" => @event with { Text = Phrase(Intent.SalesOpportunity, product) },
            "support" => @event with { Text = Phrase(Intent.Support, product) },
            "general" => @event with { Text = Phrase(Intent.General, product) },
            "reply" => @event with { Direction = MessageDirection.Outbound, Text = _random.ListItem(DemoPhrases.AgentReplies.ToList()) },
            "open" => @event with { Type = EventType.ConversationOpened },
            "close" => @event with { Type = EventType.ConversationClosed },
            "page" when widget is not null => @event with
            {
                Type = EventType.PageViewed, Channel = widget.Channel, Identity = widget.Value, ConversationId = null,
                Url = "https://shop.example.com" + _random.ArrayElement(["/pricing", "/cart", "/products/" + product.Replace(' ', '-')]),
            },
            "order" => @event with
            {
                Type = EventType.OrderPlaced, ConversationId = null, OrderId = $"live-{runId}-{_sequence}", Amount = Math.Round(_random.Decimal(15, 400), 2), Currency = "USD",
            },
            "csat" => @event with { Type = EventType.CsatSubmitted, ConversationId = null, Score = _random.WeightedRandom([1, 2, 3, 4, 5], [0.05f, 0.05f, 0.15f, 0.35f, 0.4f]) },
            _ => @event with { Text = Phrase(Intent.SalesOpportunity, product) },
        };
    }

    private string Phrase(Intent intent, string product) => DemoPhrases.Fill(_random.ListItem(DemoPhrases.Inbound[intent].ToList()), product);

    private string NextId() => string.Create(CultureInfo.InvariantCulture, $"live-{runId}-{++_sequence}");
}
