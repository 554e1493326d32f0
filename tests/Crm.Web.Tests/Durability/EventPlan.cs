namespace Crm.Web.Tests.Durability;

/// <summary>
/// Generates what channel adapters send for a set of customers: messages in a few conversations, orders, CSAT scores and
/// page views, each event with an id unique across the plan. Few enough per customer that every retry falls inside the
/// customer's window of recent event ids.
/// </summary>
public static class EventPlan
{
    private const int ConversationsPerCustomer = 3;

    private static readonly string[] Texts =
    [
        "How much is the pro plan for a team of five?",
        "My order arrived damaged, can you help?",
        "Thanks, that solved it!",
        "Do you ship to Portugal, and what does it cost?",
        "I still have not received a refund for the return.",
    ];

    private static readonly string[] Urls =
    [
        "https://shop.example.com/pricing",
        "https://shop.example.com/cart",
        "https://shop.example.com/blog/spring",
    ];

    /// <summary>Between <paramref name="min"/> and <paramref name="max"/> events per sender, ids starting with <paramref name="prefix"/>.</summary>
    public static List<PlannedEvent> For(Random random, IReadOnlyList<Sender> senders, int min, int max, DateTimeOffset now, string prefix)
    {
        var events = new List<PlannedEvent>();
        for (var s = 0; s < senders.Count; s++)
        {
            var count = random.Next(min, max + 1);
            for (var e = 0; e < count; e++)
            {
                events.Add(Next(random, senders[s], $"{prefix}-{s}-{e}", ConversationOf(prefix, s, random.Next(ConversationsPerCustomer)), now.AddMinutes(-random.Next(1, 3 * 24 * 60))));
            }
        }

        return events;
    }

    /// <summary>Only messages, in the sender's own conversations: the events a customer keeps sending while agents work on it.</summary>
    public static List<PlannedEvent> Messages(Random random, IReadOnlyList<Sender> senders, int perSender, DateTimeOffset now, string prefix, string conversationPrefix) =>
        senders.SelectMany((sender, s) => Enumerable.Range(0, perSender).Select(e => PlannedEvent.Message(
                $"{prefix}-{s}-{e}", sender, now.AddMinutes(-random.Next(1, 60)), ConversationOf(conversationPrefix, s, random.Next(ConversationsPerCustomer)), Texts[random.Next(Texts.Length)])))
            .ToList();

    /// <summary>Deals the events to <paramref name="adapters"/> adapters in a random order, so each customer's events come from several of them at once.</summary>
    public static List<PlannedEvent>[] Deal(Random random, IReadOnlyList<PlannedEvent> events, int adapters)
    {
        var shuffled = events.ToArray();
        random.Shuffle(shuffled);
        return Enumerable.Range(0, adapters).Select(a => shuffled.Where((_, i) => i % adapters == a).ToList()).ToArray();
    }

    private static string ConversationOf(string prefix, int sender, int conversation) => $"{prefix}-{sender}-c{conversation}";

    private static PlannedEvent Next(Random random, Sender sender, string id, string conversationId, DateTimeOffset at) => random.Next(100) switch
    {
        < 60 => PlannedEvent.Message(id, sender, at, conversationId, Texts[random.Next(Texts.Length)]),
        < 75 => PlannedEvent.Order(id, sender, at, $"{id}-order", random.Next(500, 25_000) / 100m),
        < 90 => PlannedEvent.Csat(id, sender, at, random.Next(1, 6)),
        _ => PlannedEvent.PageView(id, sender, at, Urls[random.Next(Urls.Length)]),
    };
}
