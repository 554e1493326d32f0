using Crm.Grains.Identities;
using Crm.Grains.Ingest;
using Crm.Grains.Intents;
using Crm.Web.Demo;
using PhoneNumbers;

namespace Crm.Web.Tests.Demo;

public sealed class DemoGeneratorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_customer_depends_only_on_seed_and_index_not_on_the_customers_made_before_it()
    {
        var forwards = new DemoCustomerGenerator(42, Now);
        var backwards = new DemoCustomerGenerator(42, Now);
        var other = new DemoCustomerGenerator(43, Now);

        var ahead = Enumerable.Range(0, 30).Select(forwards.Plan).ToArray();
        var behind = Enumerable.Range(0, 30).Reverse().Select(backwards.Plan).Reverse().ToArray();

        Assert.Equal(ahead.Select(Describe), behind.Select(Describe));
        Assert.NotEqual(Describe(ahead[3]), Describe(other.Plan(3)));
    }

    [Fact]
    public void Every_event_passes_ingest_validation_has_a_unique_id_and_is_not_in_the_future()
    {
        var plans = Enumerable.Range(0, 400).Select(new DemoCustomerGenerator(42, Now).Plan).ToArray();
        var events = plans.SelectMany(plan => plan.Events).ToArray();

        Assert.All(events, e => Assert.Null(EventValidation.Validate(e, "US")));
        Assert.All(events, e => Assert.True(e.OccurredAt <= Now, $"{e.Id} happens at {e.OccurredAt}"));
        Assert.Equal(events.Length, events.Select(e => e.Id).Distinct().Count());
        Assert.All(plans, plan => Assert.Equal(EventType.Identify, plan.Events[0].Type));
    }

    [Fact]
    public void No_two_customers_share_a_channel_identity_so_each_plan_is_one_customer()
    {
        var owners = new Dictionary<ChannelIdentity, int>();
        foreach (var plan in Enumerable.Range(0, 2_000).Select(new DemoCustomerGenerator(42, Now).Plan))
        {
            var first = plan.Events[0];
            var identities = (first.Traits!.Identities ?? []).Prepend(new ChannelIdentity(first.Channel, first.Identity));
            foreach (var identity in identities)
            {
                var normalized = identity with { Value = IdentityNormalizer.Normalize(identity.Channel, identity.Value, "US").Value! };
                Assert.True(owners.TryAdd(normalized, plan.Index), $"{normalized} belongs to customers {owners.GetValueOrDefault(normalized)} and {plan.Index}");
            }
        }
    }

    [Fact]
    public void Every_phone_number_is_valid_for_the_country_of_its_customer()
    {
        var numbers = PhoneNumberUtil.GetInstance();
        var checkedNumbers = 0;
        foreach (var plan in Enumerable.Range(0, 5_000).Select(new DemoCustomerGenerator(7, Now).Plan))
        {
            var identify = plan.Events[0];
            var country = identify.Traits!.Profile!.Country;
            var phones = (identify.Traits.Identities ?? []).Prepend(new ChannelIdentity(identify.Channel, identify.Identity))
                .Where(identity => identity.Channel is Channel.Whatsapp or Channel.Sms or Channel.Phone)
                .Select(identity => identity.Value)
                .Append(identify.Traits.Profile.Phone)
                .OfType<string>();
            foreach (var phone in phones)
            {
                var parsed = numbers.Parse(phone, null);
                Assert.True(numbers.IsValidNumberForRegion(parsed, country), $"customer {plan.Index}: {phone} is not a valid number of {country}");
                Assert.Equal(phone, IdentityNormalizer.Normalize(Channel.Phone, phone, "US").Value);
                checkedNumbers++;
            }
        }

        Assert.True(checkedNumbers > 2_000, $"only {checkedNumbers} phone numbers were generated");
    }

    [Fact]
    public void Every_place_holds_as_many_valid_numbers_as_a_demo_has_customers()
    {
        var numbers = PhoneNumberUtil.GetInstance();
        var random = new Random(11);
        foreach (var (place, _) in DemoPlace.All)
        {
            Assert.True(place.Phones.Capacity >= DemoOptions.MaxCustomers, $"{place.Country} holds {place.Phones.Capacity} numbers");
            var samples = new long[] { 0, DemoOptions.MaxCustomers - 1 }
                .Concat(Enumerable.Range(0, place.Phones.Prefixes.Count).SelectMany(prefix => new[] { 0L, 9L, 55L, 99L }.Select(step => (prefix * (long)Math.Pow(10, place.Phones.FreeDigits)) + (step * (long)Math.Pow(10, place.Phones.FreeDigits - 2)))))
                .Concat(Enumerable.Range(0, 2_000).Select(_ => random.NextInt64(DemoOptions.MaxCustomers)));
            foreach (var unique in samples)
            {
                var phone = place.Phones.Number(place.CallingCode, unique);
                Assert.True(numbers.IsValidNumberForRegion(numbers.Parse(phone, null), place.Country), $"{phone} is not a valid number of {place.Country}");
            }
        }
    }

    [Fact]
    public void The_shipped_intent_model_reads_every_inbound_demo_phrase_as_the_intent_it_is_listed_under()
    {
        var model = IntentTextModel.LoadDefault();

        var misread = DemoPhrases.Inbound
            .SelectMany(entry => entry.Value.SelectMany(phrase => DemoPhrases.Products.Select(product => (Expected: entry.Key, Text: DemoPhrases.Fill(phrase, product)))))
            .Select(item => (item.Expected, item.Text, Read: model.Predict(item.Text).Intent))
            .Where(item => item.Read != item.Expected)
            .Select(item => $"'{item.Text}' reads as {item.Read}, not {item.Expected}")
            .ToArray();

        Assert.Empty(misread);
    }

    [Fact]
    public void Any_twenty_consecutive_customers_hold_the_same_mix_of_personas()
    {
        var first = Enumerable.Range(0, 20).Select(DemoPersonas.ForIndex).Order().ToArray();
        var shifted = Enumerable.Range(137, 20).Select(DemoPersonas.ForIndex).Order().ToArray();

        Assert.Equal(first, shifted);
        Assert.Equal(Enum.GetValues<DemoPersona>(), first.Distinct());
    }

    private static string Describe(DemoCustomerPlan plan) =>
        System.Text.Json.JsonSerializer.Serialize(plan);
}
