using Crm.Grains.Customers;
using Crm.Grains.Identities;
using Crm.Grains.Ingest;
using Crm.Grains.Intents;
using Crm.Web.Demo;

namespace Crm.Bench.StateEncoding;

/// <summary>
/// Customer states shaped the way <see cref="CustomerGrain"/> leaves them: every profile field set, conversation snippets
/// cut where the grain cuts them, the last five message readings, and a full window of event digests, which any customer
/// past 256 events carries for good. Seeded, so every run encodes the same bytes.
/// </summary>
public static class SampleCustomerStates
{
    private const int SnippetLength = 140;

    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private static readonly Channel[] Channels = [Channel.Email, Channel.Whatsapp, Channel.Widget, Channel.Instagram, Channel.Sms, Channel.Phone];

    private static readonly string[] Actors = ["key:3f9a1c7e", "key:b82d04aa", "key:51e6c9f0"];

    private static readonly string[] NoteTexts =
    [
        "Prefers WhatsApp over email, answers fastest in the evening.",
        "Asked to be called back after 5pm about the bulk order; wants the invoice addressed to the studio, not to her personally.",
        "Interested in the wholesale price list — send it when it is updated. Mentioned two other studios in Hamburg that might order through her.",
        "Had a bad delivery experience last year (parcel left in the rain, ceramic set broken). Be extra careful with shipping and always use the insured option.",
        "Runs a small design studio, buys for clients. Budget is approved quarterly, so large orders tend to come in the first two weeks of January, April, July and October.",
    ];

    private static readonly string[] TagNames = ["wholesale", "prefers-whatsapp", "newsletter", "design-studio", "bulk-buyer", "eu-shipping", "vip-candidate", "b2b"];

    private static readonly string[] AttributeNames =
        ["plan", "seats", "newsletter_opt_in", "contract_renewal", "account_manager", "industry", "vat_id", "discount_rate", "onboarded", "last_survey"];

    /// <summary>An established customer on three channels: five conversations, ten orders, two notes, six attributes.</summary>
    public static CustomerState Typical() =>
        Build(seed: 1, identities: 3, conversations: 5, orders: 10, notes: 2, tags: 4, attributes: 6, absorbedMerges: 0);

    /// <summary>
    /// A busy customer at the state's bounds: 100 conversations and 100 orders (all the state keeps), 40 notes, 20 tags,
    /// 30 attributes, every channel, an agent's lifecycle choice and two duplicates merged in.
    /// </summary>
    public static CustomerState Large() =>
        Build(seed: 2, identities: Channels.Length, conversations: CustomerState.RecentConversationLimit, orders: CustomerState.RecentOrderLimit,
            notes: 40, tags: 20, attributes: 30, absorbedMerges: 2);

    private static CustomerState Build(int seed, int identities, int conversations, int orders, int notes, int tags, int attributes, int absorbedMerges)
    {
        var random = new Random(seed);
        var firstSeen = Now.AddDays(-random.Next(300, 700));
        var state = new CustomerState
        {
            Exists = true,
            Profile = new ProfileData
            {
                Name = "Johanna Müller-Lindqvist",
                Email = "johanna.mueller@studio-lindqvist.de",
                Phone = "+4915112345678",
                Company = "Studio Lindqvist GmbH",
                City = "Hamburg",
                Country = "DE",
                Language = "de",
                AvatarUrl = $"https://cdn.example.com/avatars/{Hex(random, 32)}.png",
            },
            FirstSeen = firstSeen,
            LastActive = Now.AddHours(-random.Next(1, 48)),
            LastContact = Now.AddHours(-random.Next(1, 72)),
            // The counters run past the bounded lists: a customer keeps counting after the oldest entries fall off.
            Conversations = conversations * 3,
            Messages = conversations * 3 * 7,
            Orders = orders * 2,
            CsatSum = conversations * 4,
            CsatCount = conversations,
            Lifecycle = Lifecycle.Active,
            ManualLifecycle = absorbedMerges > 0 ? new ManualLifecycle(Lifecycle.Vip, Actors[0], Now.AddDays(-12), Lifecycle.Active) : null,
            Intent = new IntentSignal(Intent.SalesOpportunity, 0.734,
                [$"viewed pricing on {Now.AddDays(-3):yyyy-MM-dd}", "'wholesale' suggests sales_opportunity", "ordered in the last 30 days"]),
            LastPricingView = Now.AddDays(-3),
            LastCartView = Now.AddDays(-2),
            Identities = [.. Enumerable.Range(0, identities).Select(i => Identity(Channels[i], random))],
            Tags = [.. Enumerable.Range(0, tags).Select(i => i < TagNames.Length ? TagNames[i] : $"campaign-2026-{i:00}")],
            StaticSegments = ["wholesale-partners"],
            Segments = ["wholesale-partners", "germany", "returning-buyers", "high-value"],
            TimelineSequence = conversations * 24 + orders * 2 + notes,
            NoteSequence = notes + 1,
            AppliedMerges = [.. Enumerable.Range(0, absorbedMerges).Select(_ => Hex(random, 32))],
            AbsorbedIds = [.. Enumerable.Range(0, absorbedMerges).Select(_ => Hex(random, 32))],
        };

        AddConversations(state, conversations, firstSeen, random);
        AddOrders(state, orders, firstSeen, random);
        AddMessageIntents(state, random);
        AddNotes(state, notes, firstSeen, random);
        AddAttributes(state, attributes, random);
        return state;
    }

    private static ChannelIdentity Identity(Channel channel, Random random) => new(channel, channel switch
    {
        Channel.Email => "johanna.mueller@studio-lindqvist.de",
        Channel.Whatsapp or Channel.Sms or Channel.Phone => $"+49151{random.Next(10_000_000, 99_999_999)}",
        Channel.Instagram => "@studio.lindqvist",
        _ => $"visitor-{Hex(random, 32)}",
    });

    /// <summary>The newest conversation is still open; the others were closed by an agent.</summary>
    private static void AddConversations(CustomerState state, int count, DateTimeOffset firstSeen, Random random)
    {
        var span = Now - firstSeen;
        for (var i = 0; i < count; i++)
        {
            var started = firstSeen + span * i / count;
            var lastMessage = started.AddMinutes(random.Next(5, 600));
            var open = i == count - 1;
            var snippet = Snippet(random);
            state.RecentConversations.Add(new ConversationSummary
            {
                Id = $"{ChannelNames.Of(Channels[i % 2])}-{Hex(random, 16)}",
                Channel = ChannelNames.Of(Channels[i % 2]),
                Status = open ? ConversationStatus.Open : ConversationStatus.Closed,
                StartedAt = started,
                LastMessageAt = lastMessage,
                ClosedAt = open ? null : lastMessage.AddMinutes(random.Next(1, 120)),
                MessageCount = random.Next(2, 16),
                LastSnippet = snippet.Length > SnippetLength ? snippet[..SnippetLength] + "…" : snippet,
            });
        }
    }

    /// <summary>Two or three inbound lines, as a long message reads before the grain cuts it.</summary>
    private static string Snippet(Random random)
    {
        var product = DemoPhrases.Products[random.Next(DemoPhrases.Products.Count)];
        var lines = random.Next(1, 4);
        return string.Join(" ", Enumerable.Range(0, lines).Select(_ =>
        {
            var phrases = DemoPhrases.Inbound[random.Next(2) == 0 ? Intent.SalesOpportunity : Intent.Support];
            return DemoPhrases.Fill(phrases[random.Next(phrases.Count)], product);
        }));
    }

    /// <summary>About one order in seven was refunded.</summary>
    private static void AddOrders(CustomerState state, int count, DateTimeOffset firstSeen, Random random)
    {
        var span = Now - firstSeen;
        for (var i = 0; i < count; i++)
        {
            var placed = firstSeen + span * (i + 0.5) / count;
            var order = new OrderRecord
            {
                Id = $"ord-{random.Next(100_000, 999_999)}",
                Amount = Math.Round((decimal)(random.NextDouble() * 480 + 20), 2),
                Currency = "EUR",
                PlacedAt = placed,
                RefundedAt = random.Next(7) == 0 ? placed.AddDays(random.Next(3, 20)) : null,
            };
            state.RecentOrders.Add(order);
            state.LifetimeValue += order.RefundedAt is null ? order.Amount : 0;
        }
    }

    /// <summary>The grain keeps the last five inbound readings, each with up to three reasons.</summary>
    private static void AddMessageIntents(CustomerState state, Random random)
    {
        for (var i = 0; i < 5; i++)
        {
            var intent = random.Next(3) == 0 ? Intent.Support : Intent.SalesOpportunity;
            var label = intent == Intent.Support ? "support" : "sales_opportunity";
            string[] words = intent == Intent.Support ? ["refund", "broken", "arrived"] : ["price", "quote", "units"];
            state.RecentMessageIntents.Add(new MessageIntent(
                Now.AddDays(-(5 - i) * 2).AddMinutes(random.Next(0, 600)),
                intent,
                Math.Round(0.55 + random.NextDouble() * 0.4, 3),
                [.. words.Take(random.Next(1, 4)).Select(word => $"'{word}' suggests {label}")]));
        }
    }

    /// <summary>About one note in four was edited after it was written.</summary>
    private static void AddNotes(CustomerState state, int count, DateTimeOffset firstSeen, Random random)
    {
        var span = Now - firstSeen;
        for (var i = 0; i < count; i++)
        {
            var at = firstSeen + span * (i + 0.3) / count;
            state.Notes.Add(new Note
            {
                Id = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Author = Actors[random.Next(Actors.Length)],
                Text = NoteTexts[random.Next(NoteTexts.Length)],
                At = at,
                EditedAt = random.Next(4) == 0 ? at.AddHours(random.Next(1, 200)) : null,
            });
        }
    }

    /// <summary>All four kinds in turn; names past the common ones are what a CRM import brings in.</summary>
    private static void AddAttributes(CustomerState state, int count, Random random)
    {
        for (var i = 0; i < count; i++)
        {
            var name = i < AttributeNames.Length ? AttributeNames[i] : $"import_field_{i}";
            state.Attributes[name] = (i % 4) switch
            {
                0 => AttributeValue.Of(i == 0 ? "premium" : $"value {Hex(random, 8)}"),
                1 => AttributeValue.Of((decimal)random.Next(1, 500)),
                2 => AttributeValue.Of(random.Next(2) == 0),
                _ => AttributeValue.Of(DateOnly.FromDateTime(Now.UtcDateTime).AddDays(random.Next(-400, 400))),
            };
        }
    }

    private static string Hex(Random random, int digits)
    {
        var bytes = new byte[digits / 2];
        random.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }
}
