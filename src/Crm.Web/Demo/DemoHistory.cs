using Bogus;
using Crm.Grains.Identities;
using Crm.Grains.Ingest;
using Crm.Grains.Intents;

namespace Crm.Web.Demo;

/// <summary>
/// One demo customer's engagement: conversations (opened, messages both ways, mostly closed, sometimes rated), orders
/// with the odd refund, and page views, laid out in time so the default thresholds give the persona's stage: the last
/// contact decides at risk and churned, the count of recent conversations decides active, lifetime value decides VIP.
/// Event ids are left empty for the generator to number in time order.
/// </summary>
internal sealed class DemoHistory
{
    private const decimal VipTarget = 1_100m;

    private static readonly Intent[] Moods = [Intent.SalesOpportunity, Intent.Support, Intent.General];
    private static readonly int[] Scores = [1, 2, 3, 4, 5];
    private static readonly float[] UnhappyScoreWeights = [0.15f, 0.15f, 0.2f, 0.25f, 0.25f];
    private static readonly float[] HappyScoreWeights = [0.02f, 0.03f, 0.1f, 0.35f, 0.5f];
    private static readonly string[] Pages = ["/", "/products/{product}", "/products/{product}", "/help/returns", "/blog/spring-collection", "/pricing", "/cart"];
    private static readonly Channel[] ConversationChannels = [Channel.Email, Channel.Whatsapp, Channel.Widget, Channel.Instagram, Channel.Sms];

    private readonly Randomizer _random;
    private readonly DateTimeOffset _now;
    private readonly ChannelIdentity _primary;
    private readonly ChannelIdentity[] _identities;
    private readonly string _currency;
    private readonly string _orderPrefix;
    private readonly DateTimeOffset _lastContact;
    private readonly List<EngagementEvent> _events = [];

    public DemoHistory(Randomizer random, DateTimeOffset now, DemoPersona persona, ChannelIdentity primary, ChannelIdentity[] identities, string currency, string orderPrefix)
    {
        _random = random;
        _now = now;
        _primary = primary;
        _identities = identities;
        _currency = currency;
        _orderPrefix = orderPrefix;
        Persona = persona;
        var (silentDays, historyDays) = persona switch
        {
            DemoPersona.Lead => (random.Double(0.1, 12), random.Double(0, 10)),
            DemoPersona.Customer => (random.Double(1, 20), random.Double(15, 200)),
            DemoPersona.Active => (random.Double(0.05, 4), random.Double(40, 400)),
            DemoPersona.Vip => (random.Double(0.5, 12), random.Double(90, 700)),
            DemoPersona.AtRisk => (random.Double(33, 80), random.Double(30, 300)),
            _ => (random.Double(100, 420), random.Double(30, 300)),
        };
        _lastContact = Minutes(now.AddDays(-silentDays));
        FirstSeen = Minutes(_lastContact.AddDays(-historyDays).AddHours(-1));
    }

    public DemoPersona Persona { get; }

    public DateTimeOffset FirstSeen { get; }

    public int Orders { get; private set; }

    public int? LowestScore { get; private set; }

    private bool Silent => Persona is DemoPersona.AtRisk or DemoPersona.Churned;

    public IReadOnlyList<EngagementEvent> Events()
    {
        _events.Clear();
        var finalMood = Persona == DemoPersona.Lead
            ? _random.WeightedRandom(Moods, [0.6f, 0.2f, 0.2f])
            : _random.WeightedRandom(Moods, [0.4f, 0.35f, 0.25f]);
        var starts = ConversationStarts();
        for (var i = 0; i < starts.Length; i++)
        {
            var last = i == starts.Length - 1;
            Conversation(i, starts[i], last ? finalMood : _random.WeightedRandom(Moods, [0.35f, 0.4f, 0.25f]), last);
        }

        PlaceOrders();
        ViewPages(finalMood);
        return _events;
    }

    /// <summary>
    /// When conversations start, oldest first; the last one ends at the last contact. Active customers hold at least the
    /// default three conversations inside the 30-day window; leads and customers stay below it.
    /// </summary>
    private DateTimeOffset[] ConversationStarts()
    {
        var count = Persona switch
        {
            DemoPersona.Lead or DemoPersona.Customer => _random.Number(1, 2),
            DemoPersona.Active => _random.Number(3, 6),
            DemoPersona.Vip => _random.Number(2, 6),
            DemoPersona.AtRisk => _random.Number(1, 4),
            _ => _random.Number(1, 3),
        };
        var end = _lastContact.AddMinutes(-30);
        var windowStart = Persona == DemoPersona.Active ? Later(FirstSeen, _now.AddDays(-25)) : FirstSeen;
        var span = Math.Max(0, (end - windowStart).TotalMinutes);
        var starts = Enumerable.Range(0, count - 1).Select(_ => Minutes(windowStart.AddMinutes(_random.Double(0, span)))).Append(end).Order().ToArray();
        return starts;
    }

    private void Conversation(int number, DateTimeOffset start, Intent mood, bool last)
    {
        var identity = ConversationIdentity();
        var id = $"{_orderPrefix}-c{number}";
        var at = start;
        Add(EventType.ConversationOpened, identity, at, e => e with { ConversationId = id });
        var product = _random.ListItem(DemoPhrases.Products.ToList());
        var inbound = _random.Number(1, 3);
        for (var message = 0; message < inbound; message++)
        {
            at = at.AddMinutes(_random.Number(1, 8));
            var phrase = message == 0 ? _random.ListItem(DemoPhrases.Inbound[mood].ToList()) : _random.ListItem(DemoPhrases.Inbound[_random.Bool(0.7f) ? mood : Intent.General].ToList());
            Add(EventType.MessageReceived, identity, at, e => e with { ConversationId = id, Text = DemoPhrases.Fill(phrase, product) });
            if (_random.Bool(0.8f))
            {
                at = at.AddMinutes(_random.Number(1, 6));
                var reply = _random.ListItem(DemoPhrases.AgentReplies.ToList());
                Add(EventType.MessageReceived, identity, at, e => e with { ConversationId = id, Direction = MessageDirection.Outbound, Text = reply });
            }
        }

        // A lead's or active customer's latest conversation is sometimes still waiting for an agent; silent customers' never are.
        var closed = Silent || !last || _random.Bool(0.7f);
        if (!closed)
        {
            return;
        }

        at = at.AddMinutes(_random.Number(5, 20));
        Add(EventType.ConversationClosed, identity, at, e => e with { ConversationId = id });
        if (_random.Bool(0.45f))
        {
            var score = _random.WeightedRandom(Scores, mood == Intent.Support ? UnhappyScoreWeights : HappyScoreWeights);
            LowestScore = LowestScore is { } lowest ? Math.Min(lowest, score) : score;
            Add(EventType.CsatSubmitted, identity, at.AddMinutes(_random.Number(1, 30)), e => e with { Score = score });
        }
    }

    private ChannelIdentity ConversationIdentity()
    {
        var candidates = _identities.Where(identity => ConversationChannels.Contains(identity.Channel)).ToList();
        return candidates.Count == 0 ? _primary : _random.ListItem(candidates);
    }

    /// <summary>Leads never order; VIPs order until past the VIP threshold and keep every order; others sometimes refund.</summary>
    private void PlaceOrders()
    {
        var (count, min, max) = Persona switch
        {
            DemoPersona.Lead => (0, 0m, 0m),
            DemoPersona.Customer => (_random.Number(1, 2), 19m, 320m),
            DemoPersona.Active => (_random.Number(0, 3), 19m, 240m),
            DemoPersona.Vip => (_random.Number(3, 7), 150m, 600m),
            _ => (_random.Number(0, 2), 19m, 320m),
        };
        var identity = _identities.FirstOrDefault(i => i.Channel is Channel.Email or Channel.Widget) ?? _primary;
        var span = Math.Max(0, (_lastContact - FirstSeen).TotalMinutes);
        var total = 0m;
        for (var n = 0; n < count || (Persona == DemoPersona.Vip && total < VipTarget); n++)
        {
            var amount = Math.Round(_random.Decimal(min, max), 2);
            if (Persona == DemoPersona.Vip && n >= count)
            {
                amount = VipTarget - total + Math.Round(_random.Decimal(20, 300), 2);
            }

            var at = Minutes(FirstSeen.AddMinutes(_random.Double(1, Math.Max(1, span))));
            var orderId = $"{_orderPrefix}-o{n}";
            total += amount;
            Orders++;
            Add(EventType.OrderPlaced, identity, at, e => e with { OrderId = orderId, Amount = amount, Currency = _currency });
            if (Persona != DemoPersona.Vip && _random.Bool(0.12f))
            {
                var refundedAt = Earlier(at.AddDays(_random.Double(2, 10)), _now.AddHours(-1));
                Add(EventType.OrderRefunded, identity, refundedAt, e => e with { OrderId = orderId, Amount = amount, Currency = _currency });
            }
        }
    }

    /// <summary>Browsing on the web widget; a customer about to buy looked at pricing or the cart shortly before the last contact.</summary>
    private void ViewPages(Intent finalMood)
    {
        var widget = _identities.FirstOrDefault(identity => identity.Channel == Channel.Widget);
        if (widget is null)
        {
            return;
        }

        var span = Math.Max(0, (_lastContact - FirstSeen).TotalMinutes);
        for (var n = _random.Number(1, 4); n > 0; n--)
        {
            View(widget, Minutes(FirstSeen.AddMinutes(_random.Double(0, span))), _random.ArrayElement(Pages));
        }

        if (finalMood == Intent.SalesOpportunity && !Silent)
        {
            View(widget, _lastContact.AddMinutes(-_random.Number(40, 600)), _random.Bool(0.6f) ? "/pricing" : "/cart");
        }
    }

    private void View(ChannelIdentity widget, DateTimeOffset at, string page)
    {
        var path = page.Replace("{product}", _random.ListItem(DemoPhrases.Products.ToList()).Replace(' ', '-'), StringComparison.Ordinal);
        Add(EventType.PageViewed, widget, Later(at, FirstSeen), e => e with { Url = "https://shop.example.com" + path });
    }

    private void Add(EventType type, ChannelIdentity identity, DateTimeOffset at, Func<EngagementEvent, EngagementEvent> details) =>
        _events.Add(details(new EngagementEvent { Id = string.Empty, Type = type, Channel = identity.Channel, Identity = identity.Value, OccurredAt = Earlier(at, _now) }));

    private static DateTimeOffset Minutes(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Earlier(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
