using Crm.Grains.Customers;
using Crm.Grains.Identities;
using Crm.Grains.Ingest;

namespace Crm.Grains.Tests.Infrastructure;

/// <summary>
/// Seeded random traffic over a pool of identities: messages, orders, refunds, CSAT, page views, manual lifecycle changes
/// and the passing of time with sweeps, sent concurrently in waves so grains interleave. A last phase, a month later,
/// brings half the customers back (three new conversations each, some with a pricing and a cart view) and sweeps everyone, so every
/// stat card has members whatever the random part produced.
/// </summary>
public static class RandomTraffic
{
    private static readonly string[] Texts =
    [
        "how much is the premium plan?", "my order arrived broken, I want a refund", "thanks, have a nice day",
        "can I get a quote for 50 units", "the app keeps crashing when I log in", "unsubscribe", "hello", "where is my parcel",
    ];

    public static async Task SendAsync(CrmSilo silo, string workspace, int events, int identities, int seed)
    {
        var random = new Random(seed);
        var ingestor = silo.Ingestor();
        var known = new System.Collections.Concurrent.ConcurrentDictionary<string, byte>();
        const int Wave = 100;
        for (var sent = 0; sent < events; sent += Wave)
        {
            var wave = Enumerable.Range(0, Math.Min(Wave, events - sent)).Select(_ => Next(random, identities, silo.Clock.GetUtcNow())).ToArray();
            var results = await Task.WhenAll(wave.Select(@event => ingestor.IngestAsync(workspace, @event)));
            foreach (var result in results.Where(result => result.CustomerId is not null))
            {
                known.TryAdd(result.CustomerId!, 0);
            }

            if (random.NextDouble() < 0.3)
            {
                var someone = known.Keys.ElementAt(random.Next(known.Count));
                await silo.Grains.GetGrain<ICustomerGrain>($"{workspace}/{someone}").SetLifecycle((Lifecycle)random.Next(6), "agent:test");
            }

            silo.Clock.Advance(TimeSpan.FromDays(random.Next(0, 8)));
            await Task.WhenAll(known.Keys.Where(_ => random.NextDouble() < 0.2).Select(id => silo.Grains.GetGrain<ICustomerGrain>($"{workspace}/{id}").Refresh()));
        }

        await ComeBackAsync(silo, workspace, ingestor, identities);
    }

    private static async Task ComeBackAsync(CrmSilo silo, string workspace, EventIngestor ingestor, int identities)
    {
        silo.Clock.Advance(TimeSpan.FromDays(35));
        var now = silo.Clock.GetUtcNow();
        var returning = Enumerable.Range(0, identities / 2).Select(i => $"user{i}@example.com").ToArray();
        await Task.WhenAll(returning.Select(async (who, i) =>
        {
            for (var conversation = 0; conversation < 3; conversation++)
            {
                await ingestor.IngestAsync(workspace, Events.Message(Channel.Email, who, now.AddMinutes(conversation), "hello again", $"return-{conversation}"));
            }

            // Pricing and the cart together outvote three greetings however confidently the text model reads them as general.
            if (i % 2 == 0)
            {
                await ingestor.IngestAsync(workspace, Events.PageView(Channel.Email, who, now, "https://shop.example.com/pricing"));
                await ingestor.IngestAsync(workspace, Events.PageView(Channel.Email, who, now, "https://shop.example.com/cart"));
            }
        }));

        var everyone = Enumerable.Range(0, identities).Select(i => $"user{i}@example.com");
        await Task.WhenAll(everyone.Select(async who =>
        {
            var owner = await silo.Grains.GetGrain<IIdentityGrain>(IdentityKey.For(workspace, new ChannelIdentity(Channel.Email, who))).Owner();
            if (owner is not null)
            {
                await silo.Grains.GetGrain<ICustomerGrain>($"{workspace}/{owner}").Refresh();
            }
        }));
    }

    private static EngagementEvent Next(Random random, int identities, DateTimeOffset now)
    {
        var who = $"user{random.Next(identities)}@example.com";
        var at = now.AddMinutes(-random.Next(0, 600));
        return random.Next(10) switch
        {
            < 5 => Events.Message(Channel.Email, who, at, Texts[random.Next(Texts.Length)], $"conv-{random.Next(5)}"),
            5 => Events.Order(Channel.Email, who, at, $"order-{random.Next(100_000)}", random.Next(5, 400)),
            6 => Events.Csat(Channel.Email, who, at, random.Next(1, 6)),
            7 => Events.PageView(Channel.Email, who, at, random.Next(2) == 0 ? "https://shop.example.com/pricing" : "https://shop.example.com/cart"),
            8 => Events.Closed(Channel.Email, who, at, $"conv-{random.Next(5)}"),
            _ => Events.Refund(Channel.Email, who, at, $"order-{random.Next(100_000)}", random.Next(1, 50)),
        };
    }
}
