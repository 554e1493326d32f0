using Crm.Grains.Customers;
using Crm.Grains.Workspaces;

namespace Crm.Grains.Intents;

/// <summary>
/// Combines what recent messages say with what the customer does. Messages of the last two weeks vote for their class,
/// weighted by the text model's confidence and halved for every week of age; a pricing page view in the last week, a
/// cart or checkout view, and an order in the last 30 days vote for a sales opportunity. Silence past the workspace's
/// at-risk threshold means no engagement whatever came before. The score is the winner's share of all votes. An upset
/// customer asking for help is support, not a sale: when the customer's current sentiment is negative
/// (<see cref="SentimentRules.Current"/>) and support has votes, a would-be sales opportunity goes to support.
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

    public static IntentSignal Combine(CustomerState state, WorkspaceSettings settings, DateTimeOffset now)
    {
        var lastHeard = Latest(state.LastContact, state.LastActive) ?? state.FirstSeen;
        if ((now - lastHeard).TotalDays >= settings.AtRiskAfterDays)
        {
            return new IntentSignal(Intent.NoEngagement, 1.0, [$"no contact for {settings.AtRiskAfterDays} days"]);
        }

        var votes = new Dictionary<Intent, double>();
        var reasons = new Dictionary<Intent, List<(double Weight, string Reason)>>();
        void Vote(Intent intent, double weight, string reason)
        {
            votes[intent] = votes.GetValueOrDefault(intent) + weight;
            (reasons.TryGetValue(intent, out var list) ? list : reasons[intent] = []).Add((weight, reason));
        }

        foreach (var message in state.RecentMessageIntents.Where(m => (now - m.At).TotalDays <= MessageWindowDays))
        {
            var messageWeight = message.Score * Math.Pow(0.5, Math.Max(0, (now - message.At).TotalDays) / 7);
            Vote(message.Intent, messageWeight, message.Reasons.FirstOrDefault() ?? $"a message read as {message.Intent}");
        }

        if (state.LastPricingView is { } pricing && (now - pricing).TotalDays <= BrowsingWindowDays)
        {
            Vote(Intent.SalesOpportunity, PricingVote, $"viewed pricing on {pricing:yyyy-MM-dd}");
        }

        if (state.LastCartView is { } cart && (now - cart).TotalDays <= BrowsingWindowDays)
        {
            Vote(Intent.SalesOpportunity, CartVote, $"opened the cart or checkout on {cart:yyyy-MM-dd}");
        }

        if (state.RecentOrders.Any(order => order.RefundedAt is null && (now - order.PlacedAt).TotalDays <= OrderWindowDays))
        {
            Vote(Intent.SalesOpportunity, RecentOrderVote, $"ordered in the last {OrderWindowDays} days");
        }

        if (votes.Count == 0)
        {
            return state.Messages > 0 || state.Conversations > 0
                ? new IntentSignal(Intent.General, 0.5, ["in touch, without a sales or support signal lately"])
                : IntentSignal.None;
        }

        var (winner, weight) = votes.OrderByDescending(vote => vote.Value).ThenByDescending(vote => vote.Key).First();
        if (winner == Intent.SalesOpportunity && votes.ContainsKey(Intent.Support) && SentimentRules.Current(state, now) == Sentiment.Negative)
        {
            var supportReasons = reasons[Intent.Support].OrderByDescending(r => r.Weight).Select(r => r.Reason).Distinct().Take(2);
            return new IntentSignal(Intent.Support, Math.Round(votes[Intent.Support] / votes.Values.Sum(), 3), [NegativeReason, .. supportReasons]);
        }

        var topReasons = reasons[winner].OrderByDescending(r => r.Weight).Select(r => r.Reason).Distinct().Take(3).ToArray();
        return new IntentSignal(winner, Math.Round(weight / votes.Values.Sum(), 3), topReasons);
    }

    private static DateTimeOffset? Latest(DateTimeOffset? a, DateTimeOffset? b) => a > b ? a : b ?? a;
}
