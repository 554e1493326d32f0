using Crm.Grains.Customers;

namespace Crm.Grains.Intents;

/// <summary>
/// How the conversations went, as inputs to the intent signal (<see cref="IntentRules"/>): messages the team left
/// unanswered, replies that kept the customer waiting, and conversations the customer keeps reopening. Each reads the
/// bounded per-conversation state <see cref="ConversationReplies"/> keeps; the thresholds are product constants. The
/// first two turn the votes of general messages into support (someone who had to wait for an answer needed one); a
/// question about buying or a complaint keeps its own class. Reopening votes for support by itself.
/// </summary>
public static class ConversationPatterns
{
    /// <summary>An inbound message with no reply for this long is unanswered.</summary>
    public static readonly TimeSpan UnansweredAfter = TimeSpan.FromHours(24);

    /// <summary>A reply that came this long after the customer wrote is slow.</summary>
    public static readonly TimeSpan SlowReplyAfter = TimeSpan.FromHours(24);

    /// <summary>A conversation reopened this many times is one whose problem keeps coming back.</summary>
    public const int ReopenedTimes = 2;

    /// <summary>Each reopening votes this much for support, up to <see cref="ReopenedVoteCap"/>.</summary>
    public const double ReopenedVotePerTime = 0.25;

    public const double ReopenedVoteCap = 1.0;

    /// <summary>Whether this conversation has a message waiting past <see cref="UnansweredAfter"/> that was written at or after <paramref name="at"/>.</summary>
    public static bool LeftUnanswered(ConversationSummary? conversation, DateTimeOffset at, DateTimeOffset now) =>
        conversation?.AwaitingReplySince is { } since && since <= at && now - since >= UnansweredAfter;

    public static IntentReason Unanswered(ConversationSummary conversation, double weight, DateTimeOffset now)
    {
        var hours = (int)(now - conversation.AwaitingReplySince!.Value).TotalHours;
        var messages = conversation.AwaitingMessages == 1 ? "a message" : $"{conversation.AwaitingMessages} messages";
        return new IntentReason
        {
            Kind = IntentReasonKind.Unanswered,
            Text = $"{messages} unanswered for {hours} hours",
            Weight = weight,
            At = conversation.AwaitingReplySince,
            ConversationId = conversation.Id,
            MessageId = conversation.AwaitingMessageId,
        };
    }

    /// <summary>Conversations reopened at least <see cref="ReopenedTimes"/> times, the last time within the window.</summary>
    public static IEnumerable<IntentReason> Reopened(IEnumerable<ConversationSummary> conversations, DateTimeOffset now, int windowDays) =>
        conversations
            .Where(c => c.Reopens >= ReopenedTimes && c.LastReopenedAt is { } at && (now - at).TotalDays <= windowDays)
            .Select(c => new IntentReason
            {
                Kind = IntentReasonKind.Reopened,
                Text = $"conversation reopened {c.Reopens} times",
                Weight = Math.Min(ReopenedVoteCap, c.Reopens * ReopenedVotePerTime),
                At = c.LastReopenedAt,
                ConversationId = c.Id,
            });

    /// <summary>Whether a message written at <paramref name="at"/> waited for the conversation's latest reply for <see cref="SlowReplyAfter"/> or longer.</summary>
    public static bool AnsweredLate(ConversationSummary? conversation, DateTimeOffset at) =>
        conversation is { LastReplyWaitedSince: { } since, LastReplyAt: { } replied }
        && since <= at && at < replied && replied - since >= SlowReplyAfter;

    public static IntentReason SlowReply(ConversationSummary conversation, double weight) => new()
    {
        Kind = IntentReasonKind.SlowReply,
        Text = $"waited {(int)(conversation.LastReplyAt!.Value - conversation.LastReplyWaitedSince!.Value).TotalHours} hours for a reply",
        Weight = weight,
        At = conversation.LastReplyAt,
        ConversationId = conversation.Id,
        MessageId = conversation.LastReplyAnsweredMessageId,
    };
}
