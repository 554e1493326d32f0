namespace Crm.Grains.Customers;

/// <summary>
/// Who waits on whom in a conversation, from its inbound and outbound messages and its closing and reopening: the state the
/// conversation patterns of the intent signal read (<see cref="Intents.ConversationPatterns"/>).
/// </summary>
public static class ConversationReplies
{
    /// <summary>
    /// An inbound message waits for a reply unless the team already wrote after it or closed the conversation after it
    /// (events may arrive late). The oldest waiting message is the one the wait is measured from.
    /// </summary>
    public static ConversationSummary Inbound(ConversationSummary conversation, DateTimeOffset at, string messageId)
    {
        if (conversation.LastReplyAt >= at || conversation is { Status: ConversationStatus.Closed, ClosedAt: { } closed } && closed >= at)
        {
            return conversation;
        }

        var oldest = conversation.AwaitingReplySince is not { } since || at < since;
        return conversation with
        {
            AwaitingReplySince = oldest ? at : conversation.AwaitingReplySince,
            AwaitingMessageId = oldest ? messageId : conversation.AwaitingMessageId,
            AwaitingMessages = conversation.AwaitingMessages + 1,
        };
    }

    /// <summary>An outbound message written after the oldest waiting one answers every waiting message; its wait is kept.</summary>
    public static ConversationSummary Outbound(ConversationSummary conversation, DateTimeOffset at)
    {
        var replied = conversation with { LastReplyAt = conversation.LastReplyAt > at ? conversation.LastReplyAt : at };
        return conversation.AwaitingReplySince is { } since && at >= since
            ? replied with
            {
                LastReplyWaitedSince = since,
                LastReplyAnsweredMessageId = conversation.AwaitingMessageId,
                AwaitingReplySince = null,
                AwaitingMessageId = null,
                AwaitingMessages = 0,
            }
            : replied;
    }

    /// <summary>Closing a conversation is the team handling it: nothing in it waits for a reply any more.</summary>
    public static ConversationSummary Closed(ConversationSummary conversation, DateTimeOffset at) => conversation with
    {
        Status = ConversationStatus.Closed,
        ClosedAt = at,
        AwaitingReplySince = null,
        AwaitingMessageId = null,
        AwaitingMessages = 0,
    };

    /// <summary>Whether the customer writing or opening the conversation at this time reopens it: it was closed before then.</summary>
    public static bool Reopens(ConversationSummary conversation, DateTimeOffset at) =>
        conversation.Status == ConversationStatus.Closed && conversation.ClosedAt < at;

    public static ConversationSummary Reopened(ConversationSummary conversation, DateTimeOffset at) => conversation with
    {
        Status = ConversationStatus.Open,
        ClosedAt = null,
        Reopens = conversation.Reopens + 1,
        LastReopenedAt = conversation.LastReopenedAt > at ? conversation.LastReopenedAt : at,
    };
}
