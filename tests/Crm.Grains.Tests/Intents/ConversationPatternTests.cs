using Crm.Grains.Customers;
using Crm.Grains.Identities;
using Crm.Grains.Ingest;
using Crm.Grains.Intents;
using Crm.Grains.ReadModel;
using Crm.Grains.Tests.Infrastructure;

namespace Crm.Grains.Tests.Intents;

/// <summary>Each conversation pattern moves the intent signal with its own named reason, linked to its conversation.</summary>
public sealed class ConversationPatternTests
{
    private const string Workspace = "acme";
    private const string Noor = "+14155550142";
    private const string Hello = "good morning";
    private const string Pricing = "How much is the pro plan? We want to buy licences for the whole team, can you send a quote?";

    [Fact]
    public async Task A_general_message_left_unanswered_for_a_day_is_support_until_the_team_replies()
    {
        await using var silo = await CrmSilo.StartAsync();
        var hello = Events.Message(Channel.Whatsapp, Noor, CrmSilo.Start, Hello, conversation: "wa-1");
        var customer = await silo.SendAsync(Workspace, hello);
        var fresh = (await Get(silo, customer)).Intent;
        silo.Clock.Advance(TimeSpan.FromHours(23));
        await Grain(silo, customer).Refresh();
        var waitedHours = (await Get(silo, customer)).Intent;
        silo.Clock.Advance(TimeSpan.FromHours(7));
        await Grain(silo, customer).Refresh();
        var waitedADay = (await Get(silo, customer)).Intent;

        Assert.Equal(Intent.General, fresh.Intent);
        Assert.Equal(IntentReasonKind.Message, fresh.Why[0].Kind);
        Assert.Equal(Intent.General, waitedHours.Intent);
        Assert.Equal(Intent.Support, waitedADay.Intent);
        var reason = waitedADay.Why[0];
        Assert.Equal((IntentReasonKind.Unanswered, "a message unanswered for 30 hours", "wa-1", hello.Id, CrmSilo.Start), (reason.Kind, reason.Text, reason.ConversationId, reason.MessageId, reason.At));
        Assert.Equal(1.0, reason.Share);
        Assert.Equal(reason.Text, waitedADay.Reasons[0]);
    }

    [Fact]
    public async Task The_sweep_turns_a_message_unanswered_for_a_day_into_a_reason_without_another_event()
    {
        await using var silo = await CrmSilo.StartAsync();
        var customer = await silo.SendAsync(Workspace, Events.Message(Channel.Whatsapp, Noor, CrmSilo.Start, Hello, conversation: "wa-1"));
        var sweeper = silo.Grains.GetGrain<Crm.Grains.Workspaces.IWorkspaceSweepGrain>(Workspace);
        await sweeper.Sweep();
        silo.Clock.Advance(TimeSpan.FromHours(25));

        var refreshed = await sweeper.Sweep();

        Assert.Equal(1, refreshed);
        Assert.Equal((Intent.Support, IntentReasonKind.Unanswered), ((await Get(silo, customer)).Intent.Intent, (await Get(silo, customer)).Intent.Why[0].Kind));
    }

    [Fact]
    public async Task A_reply_after_a_long_wait_keeps_a_general_customer_on_support_and_a_quick_one_does_not()
    {
        await using var silo = await CrmSilo.StartAsync();
        var slow = await silo.SendAsync(Workspace, Events.Message(Channel.Whatsapp, Noor, CrmSilo.Start, Hello, conversation: "wa-slow"));
        var quick = await silo.SendAsync(Workspace, Events.Message(Channel.Email, "quick@example.com", CrmSilo.Start, Hello, conversation: "em-quick"));
        await silo.SendAsync(Workspace, Events.Reply(Channel.Email, "quick@example.com", CrmSilo.Start.AddHours(1), conversation: "em-quick"));
        silo.Clock.Advance(TimeSpan.FromHours(30));
        await silo.SendAsync(Workspace, Events.Reply(Channel.Whatsapp, Noor, CrmSilo.Start.AddHours(30), conversation: "wa-slow"));
        await Grain(silo, quick).Refresh();

        var answeredLate = await Get(silo, slow);
        var answeredQuickly = await Get(silo, quick);

        Assert.Equal(Intent.Support, answeredLate.Intent.Intent);
        Assert.Equal((IntentReasonKind.SlowReply, "waited 30 hours for a reply", "wa-slow"), (answeredLate.Intent.Why[0].Kind, answeredLate.Intent.Why[0].Text, answeredLate.Intent.Why[0].ConversationId));
        Assert.Null(answeredLate.RecentConversations.Single().AwaitingReplySince);
        Assert.Equal(Intent.General, answeredQuickly.Intent.Intent);
        Assert.DoesNotContain(answeredQuickly.Intent.Why, reason => reason.Kind is IntentReasonKind.SlowReply or IntentReasonKind.Unanswered);
    }

    [Fact]
    public async Task A_question_about_buying_left_unanswered_stays_a_sales_opportunity()
    {
        await using var silo = await CrmSilo.StartAsync();
        var customer = await silo.SendAsync(Workspace, Events.Message(Channel.Whatsapp, Noor, CrmSilo.Start, Pricing, conversation: "wa-1"));
        silo.Clock.Advance(TimeSpan.FromHours(30));
        await Grain(silo, customer).Refresh();

        var intent = (await Get(silo, customer)).Intent;

        Assert.Equal(Intent.SalesOpportunity, intent.Intent);
        Assert.All(intent.Why, reason => Assert.Equal(IntentReasonKind.Message, reason.Kind));
        Assert.Equal("wa-1", intent.Why[0].ConversationId);
    }

    [Fact]
    public async Task A_conversation_the_customer_keeps_reopening_votes_for_support()
    {
        await using var silo = await CrmSilo.StartAsync();
        var at = CrmSilo.Start;
        var customer = await silo.SendAsync(Workspace, Events.Message(Channel.Whatsapp, Noor, at, Hello, conversation: "wa-1"));
        await silo.SendAsync(Workspace, Events.Closed(Channel.Whatsapp, Noor, at.AddHours(1), "wa-1"));
        await silo.SendAsync(Workspace, Events.Reply(Channel.Whatsapp, Noor, at.AddHours(2), conversation: "wa-1"));
        var afterTheTeamWrote = await Get(silo, customer);
        await silo.SendAsync(Workspace, Events.Opened(Channel.Whatsapp, Noor, at.AddHours(3), "wa-1"));
        var reopenedOnce = await Get(silo, customer);
        for (var i = 0; i < 3; i++)
        {
            await silo.SendAsync(Workspace, Events.Closed(Channel.Whatsapp, Noor, at.AddHours(4 + (2 * i)), "wa-1"));
            await silo.SendAsync(Workspace, i == 2
                ? Events.Message(Channel.Whatsapp, Noor, at.AddHours(5 + (2 * i)), string.Empty, conversation: "wa-1")
                : Events.Opened(Channel.Whatsapp, Noor, at.AddHours(5 + (2 * i)), "wa-1"));
        }

        var reopenedOften = await Get(silo, customer);

        Assert.Equal(ConversationStatus.Closed, afterTheTeamWrote.RecentConversations.Single().Status);
        Assert.Equal((ConversationStatus.Open, 1, Intent.General), (reopenedOnce.RecentConversations.Single().Status, reopenedOnce.RecentConversations.Single().Reopens, reopenedOnce.Intent.Intent));
        Assert.Equal((ConversationStatus.Open, 4, null), (reopenedOften.RecentConversations.Single().Status, reopenedOften.RecentConversations.Single().Reopens, reopenedOften.RecentConversations.Single().ClosedAt));
        Assert.Equal(Intent.Support, reopenedOften.Intent.Intent);
        var reason = reopenedOften.Intent.Why[0];
        Assert.Equal((IntentReasonKind.Reopened, "conversation reopened 4 times", "wa-1", at.AddHours(9), ConversationPatterns.ReopenedVoteCap), (reason.Kind, reason.Text, reason.ConversationId, reason.At, reason.Weight));
        var timeline = await CustomerRecordQueries.For(silo.Storage).TimelineAsync(Workspace, customer, beforeSequence: null, limit: 100);
        Assert.Equal(4, timeline.Count(entry => entry.Kind == "conversation_reopened"));
    }

    [Fact]
    public async Task Closing_a_conversation_answers_what_waited_in_it()
    {
        await using var silo = await CrmSilo.StartAsync();
        var customer = await silo.SendAsync(Workspace, Events.Message(Channel.Whatsapp, Noor, CrmSilo.Start, Hello, conversation: "wa-1"));
        await silo.SendAsync(Workspace, Events.Closed(Channel.Whatsapp, Noor, CrmSilo.Start.AddMinutes(10), "wa-1"));
        silo.Clock.Advance(TimeSpan.FromHours(30));
        await Grain(silo, customer).Refresh();

        var view = await Get(silo, customer);

        Assert.Null(view.RecentConversations.Single().AwaitingReplySince);
        Assert.Equal(Intent.General, view.Intent.Intent);
    }

    [Fact]
    public async Task A_message_written_before_the_close_but_arriving_after_it_does_not_wait_for_a_reply()
    {
        await using var silo = await CrmSilo.StartAsync();
        var customer = await silo.SendAsync(Workspace, Events.Message(Channel.Whatsapp, Noor, CrmSilo.Start, Hello, conversation: "wa-1"));
        await silo.SendAsync(Workspace, Events.Closed(Channel.Whatsapp, Noor, CrmSilo.Start.AddMinutes(10), "wa-1"));
        await silo.SendAsync(Workspace, Events.Message(Channel.Whatsapp, Noor, CrmSilo.Start.AddMinutes(5), Hello, conversation: "wa-1"));
        silo.Clock.Advance(TimeSpan.FromHours(30));
        await Grain(silo, customer).Refresh();

        var view = await Get(silo, customer);

        Assert.Null(view.RecentConversations.Single().AwaitingReplySince);
        Assert.DoesNotContain(view.Intent.Why, reason => reason.Kind == IntentReasonKind.Unanswered);
    }

    [Fact]
    public void Message_reasons_link_to_their_conversation_and_message_and_share_the_votes()
    {
        var now = CrmSilo.Start;
        var state = new CustomerState
        {
            Exists = true,
            FirstSeen = now,
            LastActive = now,
            Messages = 2,
            LastPricingView = now,
            RecentConversations = [new ConversationSummary { Id = "wa-1", Channel = "whatsapp", StartedAt = now }],
            RecentMessageIntents =
            [
                new MessageIntent(now, Intent.SalesOpportunity, 0.9, ["'quote' reads as sales opportunity"]) { ConversationId = "wa-1", MessageId = "m-1" },
                new MessageIntent(now, Intent.Support, 0.5, ["'broken' reads as support"]) { ConversationId = "wa-1", MessageId = "m-2" },
            ],
        };

        var signal = IntentRules.Combine(state, new Crm.Grains.Workspaces.WorkspaceSettings(), now);

        Assert.Equal(Intent.SalesOpportunity, signal.Intent);
        Assert.Equal([IntentReasonKind.Message, IntentReasonKind.PricingView], signal.Why.Select(reason => reason.Kind));
        Assert.Equal(("wa-1", "m-1", 0.9, 0.45), (signal.Why[0].ConversationId, signal.Why[0].MessageId, signal.Why[0].Weight, signal.Why[0].Share));
        Assert.Equal((null, 0.3), (signal.Why[1].ConversationId, signal.Why[1].Share));
        Assert.Equal(signal.Why.Select(reason => reason.Text), signal.Reasons);
        Assert.Equal(0.75, signal.Score);
    }

    [Fact]
    public void A_merge_keeps_what_still_waits_after_the_later_reply_and_the_most_reopenings()
    {
        var at = CrmSilo.Start;
        ConversationSummary Conversation(DateTimeOffset? awaiting, string? messageId, DateTimeOffset? replied, int reopens) => new()
        {
            Id = "wa-1", Channel = "whatsapp", StartedAt = at, LastMessageAt = awaiting ?? at,
            AwaitingReplySince = awaiting, AwaitingMessageId = messageId, AwaitingMessages = awaiting is null ? 0 : 1, LastReplyAt = replied, Reopens = reopens,
        };
        var survivor = new CustomerState { RecentConversations = [Conversation(at.AddHours(2), "m-3", at.AddHours(1), 1)] };
        var duplicate = new CustomerState { RecentConversations = [Conversation(at, "m-1", null, 3)] };

        Crm.Grains.Merge.MergeRules.Absorb(survivor, duplicate, "duplicate-id");

        var merged = survivor.RecentConversations.Single();
        Assert.Equal((at.AddHours(2), "m-3", 1, at.AddHours(1), 3), (merged.AwaitingReplySince, merged.AwaitingMessageId, merged.AwaitingMessages, merged.LastReplyAt, merged.Reopens));
    }

    private static ICustomerGrain Grain(CrmSilo silo, string customerId) => silo.Grains.GetGrain<ICustomerGrain>($"{Workspace}/{customerId}");

    private static async Task<CustomerView> Get(CrmSilo silo, string customerId) => (await Grain(silo, customerId).Get())!;
}
