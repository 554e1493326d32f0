using Crm.Grains.Customers;
using Crm.Grains.Identities;
using Crm.Grains.Ingest;
using Crm.Grains.Intents;
using Crm.Grains.Segments;
using Crm.Grains.Tests.Infrastructure;

namespace Crm.Grains.Tests.Intents;

public sealed class SentimentTests
{
    private const string Workspace = "acme";
    private const string Ana = "+5511988887777";

    private const string SpanishComplaint = "Estoy muy molesto, el pedido llegó roto y quiero un reembolso ya";
    private const string PortugueseComplaint = "péssimo atendimento, o produto veio quebrado, quero meu dinheiro de volta";
    private const string FrenchComplaint = "je suis très déçu, le colis est arrivé cassé, je veux être remboursé";
    private const string EnglishThanks = "Thank you so much, you guys are amazing!";
    private const string SpanishThanks = "muchas gracias, excelente servicio!";

    [Fact]
    public async Task Each_conversation_shows_the_sentiment_of_its_latest_inbound_message()
    {
        await using var silo = await CrmSilo.StartAsync();
        var customer = await Send(silo, Events.Message(Channel.Whatsapp, Ana, CrmSilo.Start, SpanishThanks, conversation: "c-es"));
        await Send(silo, Events.Message(Channel.Whatsapp, Ana, CrmSilo.Start.AddMinutes(1), SpanishComplaint, conversation: "c-es"));
        await Send(silo, Events.Message(Channel.Whatsapp, Ana, CrmSilo.Start.AddMinutes(2), EnglishThanks, conversation: "c-en"));
        await Send(silo, Events.Message(Channel.Whatsapp, Ana, CrmSilo.Start.AddMinutes(3), "", conversation: "c-empty"));

        var view = await Get(silo, customer);

        Assert.Equal(Sentiment.Negative, view.RecentConversations.Single(c => c.Id == "c-es").Sentiment);
        Assert.Equal(Sentiment.Positive, view.RecentConversations.Single(c => c.Id == "c-en").Sentiment);
        Assert.Null(view.RecentConversations.Single(c => c.Id == "c-empty").Sentiment);
    }

    [Fact]
    public async Task An_older_message_arriving_late_does_not_replace_its_conversation_sentiment()
    {
        await using var silo = await CrmSilo.StartAsync();
        var customer = await Send(silo, Events.Message(Channel.Whatsapp, Ana, CrmSilo.Start.AddMinutes(5), FrenchComplaint, conversation: "c-fr"));
        await Send(silo, Events.Message(Channel.Whatsapp, Ana, CrmSilo.Start, EnglishThanks, conversation: "c-fr"));

        var conversation = (await Get(silo, customer)).RecentConversations.Single();

        Assert.Equal(Sentiment.Negative, conversation.Sentiment);
    }

    [Fact]
    public async Task The_current_sentiment_is_the_majority_of_the_last_five_inbound_messages_within_thirty_days()
    {
        await using var silo = await CrmSilo.StartAsync();
        var customer = await Send(silo, Events.Message(Channel.Whatsapp, Ana, CrmSilo.Start, PortugueseComplaint));
        await Send(silo, Events.Message(Channel.Whatsapp, Ana, CrmSilo.Start.AddDays(1), FrenchComplaint));
        await Send(silo, Events.Message(Channel.Whatsapp, Ana, CrmSilo.Start.AddDays(2), EnglishThanks));
        var twoToOne = await Get(silo, customer);
        await Send(silo, Events.Message(Channel.Whatsapp, Ana, CrmSilo.Start.AddDays(3), SpanishThanks));
        var tied = await Get(silo, customer);
        silo.Clock.Advance(TimeSpan.FromDays(45));
        await silo.Grains.GetGrain<ICustomerGrain>($"{Workspace}/{customer}").Refresh();
        var stale = await Get(silo, customer);

        Assert.Equal(Sentiment.Negative, twoToOne.Sentiment);
        Assert.Equal(Sentiment.Positive, tied.Sentiment);
        Assert.Equal(Sentiment.Neutral, stale.Sentiment);
    }

    [Fact]
    public async Task The_sentiment_field_puts_upset_customers_in_a_segment_and_out_again()
    {
        await using var silo = await CrmSilo.StartAsync();
        var upset = await silo.Grains.GetGrain<ISegmentCatalogGrain>(Workspace).Create(new SegmentDraft { Name = "Upset", Kind = SegmentKind.Rule, Rule = "sentiment = negative" });
        var customer = await Send(silo, Events.Message(Channel.Whatsapp, Ana, CrmSilo.Start, SpanishComplaint));
        await Send(silo, Events.Message(Channel.Whatsapp, Ana, CrmSilo.Start.AddMinutes(1), PortugueseComplaint));
        var complaining = await Get(silo, customer);
        for (var i = 0; i < 3; i++)
        {
            await Send(silo, Events.Message(Channel.Whatsapp, Ana, CrmSilo.Start.AddMinutes(2 + i), i % 2 == 0 ? EnglishThanks : SpanishThanks));
        }

        var pleased = await Get(silo, customer);

        Assert.Contains(upset.Id, complaining.Segments);
        Assert.DoesNotContain(upset.Id, pleased.Segments);
        Assert.Equal(Sentiment.Positive, pleased.Sentiment);
    }

    [Fact]
    public void A_sentiment_rule_accepts_only_sentiment_names()
    {
        var exception = Assert.Throws<SegmentRuleException>(() => SegmentRule.Parse("sentiment = angry"));
        var ordering = Assert.Throws<SegmentRuleException>(() => SegmentRule.Parse("sentiment > neutral"));

        Assert.Contains("unknown sentiment 'angry'", exception.Message);
        Assert.Contains("has no order", ordering.Message);
        Assert.True(SegmentRule.Parse("sentiment in [negative, neutral]").Matches(new CustomerSnapshot { Id = "c", Sentiment = Sentiment.Negative }, CrmSilo.Start));
    }

    [Fact]
    public async Task An_upset_customer_asking_for_a_refund_after_browsing_the_cart_is_support_not_a_sale()
    {
        await using var silo = await CrmSilo.StartAsync();
        var customer = await Send(silo, Events.PageView(Channel.Whatsapp, Ana, CrmSilo.Start, "https://shop.example.com/cart"));
        await Send(silo, Events.PageView(Channel.Whatsapp, Ana, CrmSilo.Start, "https://shop.example.com/pricing"));
        await Send(silo, Events.Message(Channel.Whatsapp, Ana, CrmSilo.Start.AddMinutes(1), PortugueseComplaint));

        var intent = (await Get(silo, customer)).Intent;

        Assert.Equal(Intent.Support, intent.Intent);
        Assert.Equal(IntentRules.NegativeReason, intent.Reasons[0]);
    }

    [Fact]
    public void Negative_sentiment_moves_a_would_be_sale_with_support_votes_to_support_and_only_then()
    {
        var now = CrmSilo.Start;
        CustomerState State(Sentiment mood) => new()
        {
            Exists = true,
            FirstSeen = now,
            LastActive = now,
            LastCartView = now,
            RecentMessageIntents = [new MessageIntent(now, Intent.Support, 0.7, ["'refund' reads as support"])],
            RecentMessageSentiments = [new MessageSentiment(now, mood, 0.9)],
        };
        var withoutSupport = State(Sentiment.Negative);
        withoutSupport.RecentMessageIntents = [new MessageIntent(now, Intent.General, 0.7, ["'hi' reads as general"])];

        var upset = IntentRules.Combine(State(Sentiment.Negative), new Crm.Grains.Workspaces.WorkspaceSettings(), now);
        var calm = IntentRules.Combine(State(Sentiment.Neutral), new Crm.Grains.Workspaces.WorkspaceSettings(), now);
        var noSupport = IntentRules.Combine(withoutSupport, new Crm.Grains.Workspaces.WorkspaceSettings(), now);

        Assert.Equal(Intent.Support, upset.Intent);
        Assert.Equal(["recent messages are negative", "'refund' reads as support"], upset.Reasons);
        Assert.Equal(Intent.SalesOpportunity, calm.Intent);
        Assert.DoesNotContain(IntentRules.NegativeReason, calm.Reasons);
        Assert.Equal(Intent.SalesOpportunity, noSupport.Intent);
    }

    [Fact]
    public async Task A_customer_whose_last_two_messages_turn_negative_is_a_needs_attention_candidate()
    {
        await using var silo = await CrmSilo.StartAsync();
        var customer = await Send(silo, Events.Message(Channel.Whatsapp, Ana, CrmSilo.Start, EnglishThanks));
        await Send(silo, Events.Message(Channel.Whatsapp, Ana, CrmSilo.Start.AddHours(1), FrenchComplaint));
        var oneNegative = await Get(silo, customer);
        await Send(silo, Events.Message(Channel.Whatsapp, Ana, CrmSilo.Start.AddHours(2), SpanishComplaint));
        var turned = await Get(silo, customer);
        await Send(silo, Events.Message(Channel.Whatsapp, Ana, CrmSilo.Start.AddHours(3), SpanishThanks));

        Assert.False(oneNegative.SentimentTurnedNegative);
        Assert.True(turned.SentimentTurnedNegative);
        Assert.False((await Get(silo, customer)).SentimentTurnedNegative);
    }

    [Fact]
    public void Negative_from_the_start_is_not_a_turn()
    {
        var now = CrmSilo.Start;
        var state = new CustomerState
        {
            RecentMessageSentiments = [new MessageSentiment(now, Sentiment.Negative, 0.9), new MessageSentiment(now.AddMinutes(1), Sentiment.Negative, 0.9), new MessageSentiment(now.AddMinutes(2), Sentiment.Negative, 0.9)],
        };

        Assert.False(SentimentRules.TurnedNegative(state, now.AddMinutes(3)));
        Assert.Equal(Sentiment.Negative, SentimentRules.Current(state, now.AddMinutes(3)));
    }

    [Fact]
    public async Task Only_the_last_five_inbound_messages_count()
    {
        await using var silo = await CrmSilo.StartAsync();
        var complaints = new[] { SpanishComplaint, PortugueseComplaint, FrenchComplaint, SpanishComplaint };
        var customer = await Send(silo, Events.Message(Channel.Whatsapp, Ana, CrmSilo.Start, complaints[0]));
        for (var i = 1; i < 7; i++)
        {
            await Send(silo, Events.Message(Channel.Whatsapp, Ana, CrmSilo.Start.AddMinutes(i), i < complaints.Length ? complaints[i] : EnglishThanks));
        }

        Assert.Equal(Sentiment.Positive, (await Get(silo, customer)).Sentiment);
    }

    [Fact]
    public void A_merge_keeps_the_last_five_sentiments_of_both_customers()
    {
        var now = CrmSilo.Start;
        var survivor = new CustomerState { RecentMessageSentiments = [.. Enumerable.Range(0, 3).Select(i => new MessageSentiment(now.AddMinutes(i * 2), Sentiment.Positive, 0.9))] };
        var duplicate = new CustomerState { RecentMessageSentiments = [.. Enumerable.Range(0, 3).Select(i => new MessageSentiment(now.AddMinutes(i * 2 + 1), Sentiment.Negative, 0.9))] };

        Crm.Grains.Merge.MergeRules.Absorb(survivor, duplicate, "duplicate-id");

        Assert.Equal([now.AddMinutes(1), now.AddMinutes(2), now.AddMinutes(3), now.AddMinutes(4), now.AddMinutes(5)], survivor.RecentMessageSentiments.Select(m => m.At));
        Assert.Equal(Sentiment.Negative, SentimentRules.Current(survivor, now.AddMinutes(6)));
    }

    private static Task<string> Send(CrmSilo silo, EngagementEvent @event) => silo.SendAsync(Workspace, @event);

    private static async Task<CustomerView> Get(CrmSilo silo, string customerId) =>
        (await silo.Grains.GetGrain<ICustomerGrain>($"{Workspace}/{customerId}").Get())!;
}
