using Bogus;
using Crm.Grains.Customers;
using Crm.Grains.Identities;
using Crm.Grains.Ingest;
using Crm.Grains.Segments;

namespace Crm.Web.Demo;

/// <summary>
/// Makes demo customers with Bogus. Each customer depends only on the seed and its index, never on the customers made
/// before it, so a plan is the same in every run and order, <c>--demo 200</c> extends what <c>--demo 100</c> seeded, and
/// event ids (<c>demo-{seed}-{index}-{n}</c>) repeat exactly: a second seeding is all duplicates. Times count back from
/// <c>now</c>, so the stages come out right on whatever day the demo runs. Not thread-safe: one instance per thread.
/// </summary>
public sealed class DemoCustomerGenerator(int seed, DateTimeOffset now)
{
    public const string Actor = "demo";

    private static readonly DemoPlace[] Places = DemoPlace.All.Select(entry => entry.Place).ToArray();
    private static readonly float[] PlaceWeights = DemoPlace.All.Select(entry => entry.Weight).ToArray();
    private static readonly Channel[] PrimaryChannels = [Channel.Email, Channel.Whatsapp, Channel.Widget, Channel.Instagram, Channel.Sms, Channel.Phone];
    private static readonly float[] PrimaryChannelWeights = [0.35f, 0.25f, 0.15f, 0.10f, 0.10f, 0.05f];
    private static readonly string[] MailProviders = ["gmail.com", "outlook.com", "yahoo.com", "icloud.com", "proton.me", "hotmail.com"];
    private static readonly string[] SignupSources = ["instagram ad", "google search", "referral", "trade show", "newsletter", "marketplace"];

    private static readonly string[] Notes =
    [
        "Prefers WhatsApp over email, answers fastest in the evening.",
        "Asked to be called back after 5pm about the bulk order.",
        "Interested in the wholesale price list — send it when it is updated.",
        "Had a bad delivery experience last year; be extra careful with shipping.",
        "Runs a small design studio, buys for clients.",
    ];

    private readonly Dictionary<string, Faker> _fakers = new(StringComparer.Ordinal);

    public DemoCustomerPlan Plan(int index)
    {
        var random = new Randomizer(CustomerSeed(index));
        var place = random.WeightedRandom(Places, PlaceWeights);
        var faker = FakerFor(place.Locale);
        faker.Random = random;

        var persona = DemoPersonas.ForIndex(index);
        var person = NewPerson(faker, place, index);
        var identities = Identities(random, person, index);
        var history = new DemoHistory(random, now, persona, identities[0], identities, place.Currency, $"demo-{seed}-{index}");
        var events = new List<EngagementEvent> { Identify(history, person, place, identities, random) };
        events.AddRange(history.Events());

        var ordered = events.OrderBy(e => e.OccurredAt).Select((e, n) => e with { Id = $"demo-{seed}-{index}-{n}" }).ToArray();
        var tags = Tags(random, person, history);
        return new DemoCustomerPlan(index, persona, identities[0], ordered, tags, StaticSegments(random, tags), random.Bool(0.15f) ? random.ArrayElement(Notes) : null);
    }

    /// <summary>SplitMix64 of (seed, index): neighbouring indexes get unrelated streams, and the result never depends on the process.</summary>
    private int CustomerSeed(int index)
    {
        var z = unchecked(((ulong)(uint)seed << 32 | (uint)index) + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return (int)(z ^ (z >> 31));
    }

    private Faker FakerFor(string locale)
    {
        if (!_fakers.TryGetValue(locale, out var faker))
        {
            _fakers[locale] = faker = new Faker(locale);
        }

        return faker;
    }

    private DemoPerson NewPerson(Faker faker, DemoPlace place, int index)
    {
        var first = faker.Name.FirstName();
        var last = faker.Name.LastName();
        var company = faker.Random.Bool(0.35f) ? faker.Company.CompanyName() : null;
        var local = $"{Ascii(first)}.{Ascii(last)}{index}";
        var email = company is not null && faker.Random.Bool(0.6f)
            ? $"{local}@{Ascii(company)[..Math.Min(Ascii(company).Length, 30)]}.example.com"
            : $"{local}@{faker.Random.ArrayElement(MailProviders)}";
        return new DemoPerson($"{first} {last}", email, Phone(place, index), company, faker.Random.ListItem(place.Cities.ToList()), place.Country, place.Language);
    }

    /// <summary>
    /// E.164 from the place's phone plan, numbered by a bijection of the index over the <see cref="DemoOptions.MaxCustomers"/>
    /// indexes a demo can hold (7,919 is coprime with 10⁷), so no two customers of one seed share a number.
    /// </summary>
    private string Phone(DemoPlace place, int index)
    {
        var unique = ((index * 7_919L) + (seed * 104_729L)) % DemoOptions.MaxCustomers;
        return place.Phones.Number(place.CallingCode, unique);
    }

    /// <summary>The customer's channel identities, the primary one first; phone channels share the one number.</summary>
    private static ChannelIdentity[] Identities(Randomizer random, DemoPerson person, int index)
    {
        var primary = random.WeightedRandom(PrimaryChannels, PrimaryChannelWeights);
        var name = Ascii(person.Name);
        var handle = $"{name[..Math.Min(name.Length, 22)]}.{index}";
        var identities = new List<ChannelIdentity> { ValueFor(primary, person, handle, random) };
        void Maybe(Channel channel, float chance)
        {
            if (channel != primary && random.Bool(chance))
            {
                identities.Add(ValueFor(channel, person, handle, random));
            }
        }

        Maybe(Channel.Email, 0.8f);
        Maybe(Channel.Whatsapp, 0.5f);
        Maybe(Channel.Widget, 0.6f);
        Maybe(Channel.Instagram, 0.25f);
        Maybe(Channel.Sms, 0.15f);
        return [.. identities];
    }

    private static ChannelIdentity ValueFor(Channel channel, DemoPerson person, string handle, Randomizer random) => channel switch
    {
        Channel.Email => new(channel, person.Email),
        Channel.Instagram => new(channel, handle),
        Channel.Widget => new(channel, "web-" + random.Hexadecimal(16, string.Empty).ToLowerInvariant()),
        _ => new(channel, person.Phone),
    };

    private static EngagementEvent Identify(DemoHistory history, DemoPerson person, DemoPlace place, ChannelIdentity[] identities, Randomizer random)
    {
        var plan = person.Company is not null ? random.ArrayElement(["team", "business"]) : random.ArrayElement(["free", "plus", "plus"]);
        return new EngagementEvent
        {
            Id = string.Empty,
            Type = EventType.Identify,
            Channel = identities[0].Channel,
            Identity = identities[0].Value,
            OccurredAt = history.FirstSeen,
            Traits = new Traits
            {
                Profile = new ProfilePatch
                {
                    Name = person.Name,
                    Email = person.Email,
                    Phone = identities.Any(identity => identity.Value == person.Phone) ? person.Phone : null,
                    Company = person.Company,
                    City = person.City,
                    Country = place.Country,
                    Language = place.Language,
                },
                Identities = identities[1..],
                Attributes = new Dictionary<string, AttributeValue>
                {
                    ["plan"] = AttributeValue.Of(plan),
                    ["newsletter"] = AttributeValue.Of(random.Bool(0.4f)),
                    ["signup_source"] = AttributeValue.Of(random.ArrayElement(SignupSources)),
                    ["signup_date"] = AttributeValue.Of(DateOnly.FromDateTime(history.FirstSeen.UtcDateTime)),
                },
            },
        };
    }

    private static string[] Tags(Randomizer random, DemoPerson person, DemoHistory history)
    {
        var tags = new List<string>();
        void Tag(string tag, bool when)
        {
            if (when)
            {
                tags.Add(tag);
            }
        }

        Tag("newsletter", random.Bool(0.3f));
        Tag("b2b", person.Company is not null);
        Tag("wholesale", person.Company is not null && random.Bool(0.25f));
        Tag("vip", history.Persona == DemoPersona.Vip);
        Tag("returning", history.Orders >= 2);
        Tag("complaint", history.LowestScore is <= 2);
        Tag("churn-risk", history.Persona == DemoPersona.AtRisk && random.Bool(0.5f));
        Tag("beta", random.Bool(0.08f));
        return [.. tags];
    }

    /// <summary>Some customers were met at the trade show; agents put everyone tagged <c>beta</c> in the beta testers segment.</summary>
    private static string[] StaticSegments(Randomizer random, string[] tags) =>
        [.. new[] { (DemoSegments.TradeShow, random.Bool(0.08f)), (DemoSegments.BetaTesters, tags.Contains("beta")) }.Where(segment => segment.Item2).Select(segment => segment.Item1)];

    /// <summary>Letters without accents and nothing else, for the parts of email addresses and handles.</summary>
    private static string Ascii(string text) => SegmentIds.Slug(text).Replace("-", string.Empty, StringComparison.Ordinal);

    private sealed record DemoPerson(string Name, string Email, string Phone, string? Company, string City, string Country, string Language);
}
