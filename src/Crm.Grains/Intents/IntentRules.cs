using Crm.Grains.Customers;
using Crm.Grains.Workspaces;

namespace Crm.Grains.Intents;

/// <summary>
/// Combines what recent messages say with what the customer does and how its conversations went. Messages of the last two
/// weeks vote for their class, weighted by the text model's confidence and halved for every week of age; a pricing page
/// view in the last week, a cart or checkout view, and an order in the last 30 days vote for a sales opportunity. Silence
/// past the workspace's at-risk threshold means no engagement whatever came before. The score is the winner's share of all
/// votes. Conversation patterns (<see cref="ConversationPatterns"/>) weigh in for support: a general message the team left
/// unanswered, or answered only after a long wait, counts as a customer who needed help, and a conversation reopened again
/// and again votes for support. An upset customer asking for help is support, not a sale: when the customer's
/// current sentiment is negative (<see cref="SentimentRules.Current"/>) and support has votes, a would-be sales opportunity
/// goes to support. Every reason is kept as data (<see cref="IntentReason"/>), strongest first.
/// </summary>
public static class IntentRules
{
    public const int MessageWindowDays = 14;
    public const int BrowsingWindowDays = 7;
    public const int OrderWindowDays = 30;
    public const double PricingVote = 0.6;
    public const double CartVote = 0.8;
    public const double RecentOrderVote = 0.3;
    public const string NegativeReason = "recent messages are negative";

    /// <summary>How many reasons the signal keeps as data.</summary>
    public const int WhyLimit = 5;

    public static IntentSignal Combine(CustomerState state, WorkspaceSettings settings, DateTimeOffset now)
    {
        var lastHeard = Latest(state.LastContact, state.LastActive) ?? state.FirstSeen;
        if ((now - lastHeard).TotalDays >= settings.AtRiskAfterDays)
        {
            return IntentSignal.Of(Intent.NoEngagement, 1.0,
                [new IntentReason { Kind = IntentReasonKind.Silence, Text = $"no contact for {settings.AtRiskAfterDays} days", Share = 1.0, At = lastHeard }]);
        }

        var votes = Votes(state, now);
        if (votes.Count == 0)
        {
            return state.Messages > 0 || state.Conversations > 0
                ? IntentSignal.Of(Intent.General, 0.5,
                    [new IntentReason { Kind = IntentReasonKind.InTouch, Text = "in touch, without a sales or support signal lately", Share = 1.0, At = lastHeard }])
                : IntentSignal.None;
        }

        var totals = votes.GroupBy(vote => vote.Intent).ToDictionary(group => group.Key, group => group.Sum(vote => vote.Reason.Weight));
        var all = totals.Values.Sum();
        var (winner, weight) = totals.OrderByDescending(vote => vote.Value).ThenByDescending(vote => vote.Key).First();
        if (winner == Intent.SalesOpportunity && totals.ContainsKey(Intent.Support) && SentimentRules.Current(state, now) == Sentiment.Negative)
        {
            return IntentSignal.Of(Intent.Support, Math.Round(totals[Intent.Support] / all, 3),
                [NegativeSentiment(state, now), .. Strongest(votes, Intent.Support, all, WhyLimit - 1)]);
        }

        return IntentSignal.Of(winner, Math.Round(weight / all, 3), Strongest(votes, winner, all, WhyLimit));
    }

    private static List<(Intent Intent, IntentReason Reason)> Votes(CustomerState state, DateTimeOffset now)
    {
        var votes = new List<(Intent Intent, IntentReason Reason)>();
        var waited = new Dictionary<(string Conversation, IntentReasonKind Kind), double>();
        foreach (var message in state.RecentMessageIntents.Where(m => (now - m.At).TotalDays <= MessageWindowDays))
        {
            var messageWeight = message.Score * Math.Pow(0.5, Math.Max(0, (now - message.At).TotalDays) / 7);
            var conversation = message.ConversationId is { } id ? state.RecentConversations.Find(c => c.Id == id) : null;
            IntentReasonKind? wait = message.Intent != Intent.General ? null
                : ConversationPatterns.LeftUnanswered(conversation, message.At, now) ? IntentReasonKind.Unanswered
                : ConversationPatterns.AnsweredLate(conversation, message.At) ? IntentReasonKind.SlowReply
                : null;
            if (wait is { } kind)
            {
                waited[(conversation!.Id, kind)] = waited.GetValueOrDefault((conversation.Id, kind)) + messageWeight;
                continue;
            }

            votes.Add((message.Intent, new IntentReason
            {
                Kind = IntentReasonKind.Message,
                Text = message.Reasons.FirstOrDefault() ?? $"a message read as {message.Intent}",
                Weight = messageWeight,
                At = message.At,
                ConversationId = message.ConversationId,
                MessageId = message.MessageId,
            }));
        }

        foreach (var ((conversationId, kind), weight) in waited)
        {
            var conversation = state.RecentConversations.Find(c => c.Id == conversationId)!;
            votes.Add((Intent.Support, kind == IntentReasonKind.Unanswered
                ? ConversationPatterns.Unanswered(conversation, weight, now)
                : ConversationPatterns.SlowReply(conversation, weight)));
        }

        if (state.LastPricingView is { } pricing && (now - pricing).TotalDays <= BrowsingWindowDays)
        {
            votes.Add((Intent.SalesOpportunity, new IntentReason { Kind = IntentReasonKind.PricingView, Text = $"viewed pricing on {pricing:yyyy-MM-dd}", Weight = PricingVote, At = pricing }));
        }

        if (state.LastCartView is { } cart && (now - cart).TotalDays <= BrowsingWindowDays)
        {
            votes.Add((Intent.SalesOpportunity, new IntentReason { Kind = IntentReasonKind.CartView, Text = $"opened the cart or checkout on {cart:yyyy-MM-dd}", Weight = CartVote, At = cart }));
        }

        var recentOrders = state.RecentOrders.Where(order => order.RefundedAt is null && (now - order.PlacedAt).TotalDays <= OrderWindowDays).ToList();
        if (recentOrders.Count > 0)
        {
            votes.Add((Intent.SalesOpportunity, new IntentReason
            {
                Kind = IntentReasonKind.Order, Text = $"ordered in the last {OrderWindowDays} days", Weight = RecentOrderVote, At = recentOrders.Max(order => order.PlacedAt),
            }));
        }

        votes.AddRange(ConversationPatterns.Reopened(state.RecentConversations, now, MessageWindowDays).Select(reason => (Intent.Support, reason)));

        return votes;
    }

    /// <summary>The winner's strongest reasons, one per text, with their share of every vote cast.</summary>
    private static IntentReason[] Strongest(List<(Intent Intent, IntentReason Reason)> votes, Intent intent, double all, int limit) =>
        votes.Where(vote => vote.Intent == intent)
            .Select(vote => vote.Reason)
            .OrderByDescending(reason => reason.Weight)
            .DistinctBy(reason => reason.Text)
            .Take(limit)
            .Select(reason => reason with { Weight = Math.Round(reason.Weight, 3), Share = Math.Round(reason.Weight / all, 3) })
            .ToArray();

    /// <summary>The sentiment reason links to the latest negative message among the recent ones.</summary>
    private static IntentReason NegativeSentiment(CustomerState state, DateTimeOffset now)
    {
        var latest = SentimentRules.Recent(state, now).LastOrDefault(m => m.Sentiment == Sentiment.Negative);
        return new IntentReason { Kind = IntentReasonKind.Sentiment, Text = NegativeReason, At = latest?.At, ConversationId = latest?.ConversationId, MessageId = latest?.MessageId };
    }

    private static DateTimeOffset? Latest(DateTimeOffset? a, DateTimeOffset? b) => a > b ? a : b ?? a;
}
