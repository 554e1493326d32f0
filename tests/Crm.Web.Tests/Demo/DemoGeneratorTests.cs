using Crm.Grains.Identities;
using Crm.Grains.Ingest;
using Crm.Grains.Intents;
using Crm.Web.Demo;

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

        Assert.All(events, e => Assert.Null(EventValidation.Validate(e, "1")));
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
                var normalized = identity with { Value = IdentityNormalizer.Normalize(identity.Channel, identity.Value, "1").Value! };
                Assert.True(owners.TryAdd(normalized, plan.Index), $"{normalized} belongs to customers {owners.GetValueOrDefault(normalized)} and {plan.Index}");
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
