using Crm.Grains.Customers;

namespace Crm.Grains.Intents;

/// <summary>
/// The customer's sentiment from its last <see cref="CustomerState.RecentSentimentLimit"/> inbound messages with text
/// that are at most <see cref="WindowDays"/> days old. "Current" is the sentiment most of those messages share; when two
/// sentiments are equally common, the one heard most recently wins, because a customer's mood follows the conversation.
/// With no such message the customer is neutral: nothing says otherwise.
/// </summary>
public static class SentimentRules
{
    public const int WindowDays = 30;

    public static IReadOnlyList<MessageSentiment> Recent(CustomerState state, DateTimeOffset now) =>
        state.RecentMessageSentiments.Where(m => (now - m.At).TotalDays <= WindowDays).OrderBy(m => m.At).ToList();

    public static Sentiment Current(CustomerState state, DateTimeOffset now)
    {
        var recent = Recent(state, now);
        if (recent.Count == 0)
        {
            return Sentiment.Neutral;
        }

        return recent
            .Select((message, index) => (message.Sentiment, index))
            .GroupBy(m => m.Sentiment)
            .OrderByDescending(group => group.Count())
            .ThenByDescending(group => group.Max(m => m.index))
            .First().Key;
    }

    /// <summary>
    /// Whether the customer's mood has just turned: its last two recent inbound messages are negative and an earlier recent
    /// one was not. A needs-attention candidate: someone who was fine and is now upset.
    /// </summary>
    public static bool TurnedNegative(CustomerState state, DateTimeOffset now)
    {
        var recent = Recent(state, now);
        return recent.Count >= 3
            && recent[^1].Sentiment == Sentiment.Negative
            && recent[^2].Sentiment == Sentiment.Negative
            && recent.Take(recent.Count - 2).Any(m => m.Sentiment != Sentiment.Negative);
    }
}
