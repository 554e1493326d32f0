using Crm.Grains.Customers;

namespace Crm.Grains.Merge;

/// <summary>
/// How a duplicate's data joins the survivor's: the survivor's non-empty profile fields win and the duplicate fills gaps;
/// identities, tags and segments are united; notes, conversations and orders joined (a conversation or an order both hold counts once);
/// counters and CSAT summed; first seen is the earliest and last contact and activity the latest; custom attributes keep the
/// survivor's value on conflict; recent event ids are united so a retried event still counts once. The lifecycle is not
/// copied from either: the survivor's commit resolves it from the merged counters and dates by the usual rules, an agent's
/// manual stage on the survivor standing as it would after any change.
/// </summary>
public static class MergeRules
{
    public static void Absorb(CustomerState survivor, CustomerState duplicate, string duplicateId)
    {
        var mine = survivor.Profile;
        var theirs = duplicate.Profile;
        survivor.Profile = new ProfileData
        {
            Name = mine.Name ?? theirs.Name,
            Email = mine.Email ?? theirs.Email,
            Phone = mine.Phone ?? theirs.Phone,
            Company = mine.Company ?? theirs.Company,
            City = mine.City ?? theirs.City,
            Country = mine.Country ?? theirs.Country,
            Language = mine.Language ?? theirs.Language,
            AvatarUrl = mine.AvatarUrl ?? theirs.AvatarUrl,
        };

        survivor.FirstSeen = Min(survivor.FirstSeen, duplicate.FirstSeen);
        survivor.LastActive = Max(survivor.LastActive, duplicate.LastActive);
        survivor.LastContact = Max(survivor.LastContact, duplicate.LastContact);
        survivor.LastPricingView = Max(survivor.LastPricingView, duplicate.LastPricingView);
        survivor.LastCartView = Max(survivor.LastCartView, duplicate.LastCartView);
        // A conversation both hold is one conversation: typically the duplicate's, continued after it retired and its
        // messages were forwarded here, before this absorb (a moment in a healthy merge, until the retry after a crash).
        var sharedConversations = duplicate.RecentConversations
            .Where(theirs => survivor.RecentConversations.Exists(mine => mine.Id == theirs.Id))
            .ToDictionary(conversation => conversation.Id);
        survivor.Conversations += duplicate.Conversations - sharedConversations.Count;
        survivor.Messages += duplicate.Messages;
        // An order both customers reported is one order: count it and its value once.
        var sharedOrders = duplicate.RecentOrders.Where(order => order.RefundedAt is null && survivor.RecentOrders.Exists(mine => mine.Id == order.Id)).ToArray();
        survivor.Orders += duplicate.Orders - sharedOrders.Length;
        survivor.LifetimeValue += duplicate.LifetimeValue - sharedOrders.Sum(order => order.Amount);
        survivor.CsatSum += duplicate.CsatSum;
        survivor.CsatCount += duplicate.CsatCount;

        survivor.Identities = Union(survivor.Identities, duplicate.Identities);
        survivor.Tags = Union(survivor.Tags, duplicate.Tags);
        survivor.StaticSegments = Union(survivor.StaticSegments, duplicate.StaticSegments);
        survivor.Segments = Union(survivor.Segments, duplicate.Segments);
        var conversations = survivor.RecentConversations
            .Select(mine => sharedConversations.TryGetValue(mine.Id, out var theirs) ? Combined(mine, theirs) : mine)
            .ToList();
        survivor.RecentConversations = Joined(conversations, duplicate.RecentConversations, c => c.Id, c => c.StartedAt, CustomerState.RecentConversationLimit);
        survivor.RecentOrders = Joined(survivor.RecentOrders, duplicate.RecentOrders, o => o.Id, o => o.PlacedAt, CustomerState.RecentOrderLimit);
        survivor.RecentMessageIntents = survivor.RecentMessageIntents.Concat(duplicate.RecentMessageIntents).OrderBy(m => m.At).TakeLast(5).ToList();
        survivor.RecentMessageSentiments = survivor.RecentMessageSentiments.Concat(duplicate.RecentMessageSentiments)
            .OrderBy(m => m.At).TakeLast(CustomerState.RecentSentimentLimit).ToList();
        survivor.LegacyEvents.Absorb(duplicate.LegacyEvents);

        foreach (var note in duplicate.Notes)
        {
            survivor.Notes.Add(note with { Id = $"{duplicateId[..Math.Min(8, duplicateId.Length)]}-{note.Id}" });
        }

        foreach (var (name, value) in duplicate.Attributes)
        {
            survivor.Attributes.TryAdd(name, value);
        }

        survivor.AbsorbedIds = Union(survivor.AbsorbedIds, [duplicateId, .. duplicate.AbsorbedIds]);
    }

    /// <summary>One conversation whose messages were split between the two: counts added, the latest message's snippet, closed if either closed it, reopened as often as either saw.</summary>
    private static ConversationSummary Combined(ConversationSummary mine, ConversationSummary theirs)
    {
        var latest = (theirs.LastMessageAt ?? DateTimeOffset.MinValue) > (mine.LastMessageAt ?? DateTimeOffset.MinValue) ? theirs : mine;
        var combined = latest with
        {
            Channel = (theirs.StartedAt < mine.StartedAt ? theirs : mine).Channel,
            Status = mine.Status == ConversationStatus.Closed || theirs.Status == ConversationStatus.Closed ? ConversationStatus.Closed : ConversationStatus.Open,
            StartedAt = Min(mine.StartedAt, theirs.StartedAt),
            LastMessageAt = Max(mine.LastMessageAt, theirs.LastMessageAt),
            MessageCount = mine.MessageCount + theirs.MessageCount,
            Sentiment = latest.Sentiment ?? (latest == mine ? theirs : mine).Sentiment,
            Reopens = Math.Max(mine.Reopens, theirs.Reopens),
            LastReopenedAt = Max(mine.LastReopenedAt, theirs.LastReopenedAt),
        };
        return combined.Status == ConversationStatus.Closed
            ? ConversationReplies.Closed(combined, combined.ClosedAt ?? Max(mine.ClosedAt, theirs.ClosedAt) ?? combined.StartedAt)
            : Replies(combined, mine, theirs);
    }

    /// <summary>
    /// The later reply of the two answered whatever either side had waiting before it; what still waits is measured from the
    /// oldest message written after that reply.
    /// </summary>
    private static ConversationSummary Replies(ConversationSummary combined, ConversationSummary mine, ConversationSummary theirs)
    {
        var replied = (theirs.LastReplyAt ?? DateTimeOffset.MinValue) > (mine.LastReplyAt ?? DateTimeOffset.MinValue) ? theirs : mine;
        var waiting = new[] { mine, theirs }
            .Where(side => side.AwaitingReplySince is { } since && !(replied.LastReplyAt >= since))
            .OrderBy(side => side.AwaitingReplySince)
            .ToArray();
        return combined with
        {
            LastReplyAt = replied.LastReplyAt,
            LastReplyWaitedSince = replied.LastReplyWaitedSince,
            LastReplyAnsweredMessageId = replied.LastReplyAnsweredMessageId,
            AwaitingReplySince = waiting.FirstOrDefault()?.AwaitingReplySince,
            AwaitingMessageId = waiting.FirstOrDefault()?.AwaitingMessageId,
            AwaitingMessages = waiting.Sum(side => side.AwaitingMessages),
        };
    }

    private static List<T> Union<T>(List<T> first, List<T> second) => first.Concat(second).Distinct().ToList();

    private static List<T> Joined<T>(List<T> first, List<T> second, Func<T, string> id, Func<T, DateTimeOffset> at, int limit) =>
        first.Concat(second.Where(item => !first.Exists(existing => id(existing) == id(item)))).OrderBy(at).TakeLast(limit).ToList();

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
