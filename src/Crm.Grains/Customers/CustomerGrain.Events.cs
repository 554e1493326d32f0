using System.Globalization;
using Crm.Grains.Identities;
using Crm.Grains.Ingest;
using Crm.Grains.Intents;
using Crm.Grains.ReadModel;
using Crm.Grains.Validation;
using Crm.Grains.Workspaces;

namespace Crm.Grains.Customers;

/// <summary>Engagement events: counters, conversations, orders, CSAT, browsing and identify, each applied once.</summary>
public sealed partial class CustomerGrain
{
    private const int SnippetLength = 140;

    /// <summary>One event is a batch of one; a refused event is thrown rather than answered, as callers of one event expect.</summary>
    public async Task<EventReceipt> Apply(EngagementEvent @event, ChannelIdentity source, WorkspaceSettings settings)
    {
        var receipt = (await ApplyMany([@event], source, settings))[0];
        return receipt.Outcome == EventOutcome.Rejected ? throw new DomainValidationException(receipt.Error!) : receipt;
    }

    private async Task ApplyEventAsync(EngagementEvent @event, ChannelIdentity source, string phoneRegion, IIntentTextModel? intentModel, List<TimelineDraft> timeline, List<object> alsoWrite)
    {
        switch (@event.Type)
        {
            case EventType.MessageReceived:
                ReceiveMessage(@event, source, intentModel, timeline);
                break;
            case EventType.ConversationOpened:
                TouchConversation(@event, source, timeline);
                break;
            case EventType.ConversationClosed:
                CloseConversation(@event, source, timeline);
                break;
            case EventType.CsatSubmitted:
                State.CsatSum += @event.Score!.Value;
                State.CsatCount++;
                MarkActive(@event.OccurredAt);
                timeline.Add(new TimelineDraft(@event.OccurredAt, "csat_submitted", Describe(source), $"rated {@event.Score} of 5"));
                break;
            case EventType.OrderPlaced:
                PlaceOrder(@event, source, timeline);
                break;
            case EventType.OrderRefunded:
                RefundOrder(@event, source, timeline);
                break;
            case EventType.PageViewed:
                ViewPage(@event);
                break;
            case EventType.Identify:
                await IdentifyAsync(@event, source, phoneRegion, timeline, alsoWrite);
                break;
        }
    }

    private void Begin(DateTimeOffset at, ChannelIdentity source, List<TimelineDraft> timeline)
    {
        State.Exists = true;
        State.FirstSeen = at;
        State.Identities.Add(source);
        if (source.Channel == Channel.Email)
        {
            State.Profile = State.Profile with { Email = EmailRules.Display(source.Value) };
        }
        else if (source.Channel is Channel.Phone or Channel.Sms or Channel.Whatsapp)
        {
            State.Profile = State.Profile with { Phone = source.Value };
        }

        timeline.Add(new TimelineDraft(at, "customer_created", Describe(source), $"first contact on {ChannelNames.Of(source.Channel)}"));
    }

    private void ReceiveMessage(EngagementEvent @event, ChannelIdentity source, IIntentTextModel? intentModel, List<TimelineDraft> timeline)
    {
        var conversation = TouchConversation(@event, source, timeline);
        State.Messages++;
        State.LastContact = Latest(State.LastContact, @event.OccurredAt);
        var text = @event.Text?.Trim() ?? string.Empty;
        var inbound = @event.Direction == MessageDirection.Inbound;
        conversation = inbound
            ? ConversationReplies.Inbound(conversation, @event.OccurredAt, @event.Id)
            : ConversationReplies.Outbound(conversation, @event.OccurredAt);
        ReplaceConversation(conversation with
        {
            MessageCount = conversation.MessageCount + 1,
            LastMessageAt = Latest(conversation.LastMessageAt, @event.OccurredAt),
            LastSnippet = text.Length > SnippetLength ? text[..SnippetLength] + "…" : text,
        });

        if (inbound)
        {
            MarkActive(@event.OccurredAt);
            if (text.Length > 0)
            {
                State.RecentMessageIntents.Add(intentReader.Read(intentModel!, text, @event.OccurredAt) with { ConversationId = conversation.Id, MessageId = @event.Id });
                if (State.RecentMessageIntents.Count > 5)
                {
                    State.RecentMessageIntents.RemoveAt(0);
                }

                ReadSentiment(conversation.Id, @event.Id, text, @event.OccurredAt);
            }
        }
    }

    /// <summary>One read per inbound message: kept among the customer's recent ones and, unless older, as its conversation's latest.</summary>
    private void ReadSentiment(string conversationId, string messageId, string text, DateTimeOffset at)
    {
        var reading = sentimentReader.Read(text, at) with { ConversationId = conversationId, MessageId = messageId };
        State.RecentMessageSentiments.Add(reading);
        if (State.RecentMessageSentiments.Count > CustomerState.RecentSentimentLimit)
        {
            State.RecentMessageSentiments.RemoveAt(0);
        }

        var conversation = State.RecentConversations.Find(c => c.Id == conversationId);
        if (conversation is not null && conversation.LastMessageAt <= at)
        {
            ReplaceConversation(conversation with { Sentiment = reading.Sentiment });
        }
    }

    /// <summary>The conversation the event belongs to, opened (and counted) the first time it is seen.</summary>
    private ConversationSummary TouchConversation(EngagementEvent @event, ChannelIdentity source, List<TimelineDraft> timeline)
    {
        var existing = State.RecentConversations.Find(c => c.Id == @event.ConversationId);
        if (existing is not null)
        {
            var customerCameBack = @event.Type == EventType.ConversationOpened
                || (@event.Type == EventType.MessageReceived && @event.Direction == MessageDirection.Inbound);
            if (customerCameBack && ConversationReplies.Reopens(existing, @event.OccurredAt))
            {
                existing = ConversationReplies.Reopened(existing, @event.OccurredAt);
                ReplaceConversation(existing);
                timeline.Add(new TimelineDraft(@event.OccurredAt, "conversation_reopened", Describe(source), $"conversation {existing.Id} reopened ({existing.Reopens} {(existing.Reopens == 1 ? "time" : "times")})"));
            }

            return existing;
        }

        var opened = new ConversationSummary { Id = @event.ConversationId!, Channel = ChannelNames.Of(source.Channel), StartedAt = @event.OccurredAt };
        State.Conversations++;
        State.LastContact = Latest(State.LastContact, @event.OccurredAt);
        State.RecentConversations.Add(opened);
        if (State.RecentConversations.Count > CustomerState.RecentConversationLimit)
        {
            State.RecentConversations.RemoveAt(0);
        }

        timeline.Add(new TimelineDraft(@event.OccurredAt, "conversation_opened", Describe(source), $"conversation {opened.Id} on {opened.Channel}"));
        return opened;
    }

    private void CloseConversation(EngagementEvent @event, ChannelIdentity source, List<TimelineDraft> timeline)
    {
        var conversation = TouchConversation(@event, source, timeline);
        State.LastContact = Latest(State.LastContact, @event.OccurredAt);
        if (conversation.Status != ConversationStatus.Closed)
        {
            ReplaceConversation(ConversationReplies.Closed(conversation, @event.OccurredAt));
            timeline.Add(new TimelineDraft(@event.OccurredAt, "conversation_closed", Describe(source), $"conversation {conversation.Id} closed"));
        }
    }

    private void ReplaceConversation(ConversationSummary conversation)
    {
        var index = State.RecentConversations.FindIndex(c => c.Id == conversation.Id);
        State.RecentConversations[index] = conversation;
    }

    /// <summary>An order counts once by its id, whatever event ids carry it.</summary>
    private void PlaceOrder(EngagementEvent @event, ChannelIdentity source, List<TimelineDraft> timeline)
    {
        MarkActive(@event.OccurredAt);
        if (State.RecentOrders.Exists(order => order.Id == @event.OrderId))
        {
            return;
        }

        State.Orders++;
        State.LifetimeValue += @event.Amount!.Value;
        State.RecentOrders.Add(new OrderRecord { Id = @event.OrderId!, Amount = @event.Amount.Value, Currency = @event.Currency!, PlacedAt = @event.OccurredAt });
        if (State.RecentOrders.Count > CustomerState.RecentOrderLimit)
        {
            State.RecentOrders.RemoveAt(0);
        }

        timeline.Add(new TimelineDraft(@event.OccurredAt, "order_placed", Describe(source), $"order {@event.OrderId}: {Money(@event.Amount.Value, @event.Currency!)}"));
    }

    private void RefundOrder(EngagementEvent @event, ChannelIdentity source, List<TimelineDraft> timeline)
    {
        var index = State.RecentOrders.FindIndex(order => order.Id == @event.OrderId);
        if (index >= 0 && State.RecentOrders[index].RefundedAt is not null)
        {
            return;
        }

        if (index >= 0)
        {
            State.RecentOrders[index] = State.RecentOrders[index] with { RefundedAt = @event.OccurredAt };
        }

        State.LifetimeValue = Math.Max(0, State.LifetimeValue - @event.Amount!.Value);
        timeline.Add(new TimelineDraft(@event.OccurredAt, "order_refunded", Describe(source), $"order {@event.OrderId}: {Money(@event.Amount.Value, @event.Currency!)} refunded"));
    }

    private void ViewPage(EngagementEvent @event)
    {
        MarkActive(@event.OccurredAt);
        var path = new Uri(@event.Url!).AbsolutePath.ToLowerInvariant();
        if (path.Contains("pricing") || path.Contains("/plans"))
        {
            State.LastPricingView = Latest(State.LastPricingView, @event.OccurredAt);
        }

        if (path.Contains("cart") || path.Contains("checkout") || path.Contains("basket"))
        {
            State.LastCartView = Latest(State.LastCartView, @event.OccurredAt);
        }
    }

    private async Task IdentifyAsync(EngagementEvent @event, ChannelIdentity source, string phoneRegion, List<TimelineDraft> timeline, List<object> alsoWrite)
    {
        var traits = @event.Traits!;
        MarkActive(@event.OccurredAt);
        if (traits.Profile is { } patch)
        {
            var (normalized, _) = ProfileRules.Normalize(patch, phoneRegion);
            if (ApplyProfile(normalized!) is { Count: > 0 } changed)
            {
                timeline.Add(new TimelineDraft(@event.OccurredAt, "profile_updated", Describe(source), $"updated {string.Join(", ", changed)}"));
            }
        }

        foreach (var (name, value) in traits.Attributes ?? new Dictionary<string, AttributeValue>())
        {
            State.Attributes[name] = value;
        }

        foreach (var raw in traits.Identities ?? [])
        {
            var identity = new ChannelIdentity(raw.Channel, IdentityNormalizer.Normalize(raw.Channel, raw.Value, phoneRegion).Value!);
            if (identity == source || State.Identities.Contains(identity))
            {
                continue;
            }

            await LinkIdentityAsync(identity, Describe(source), @event.OccurredAt, timeline, alsoWrite);
        }
    }

    /// <summary>
    /// Claims an identity. One already owned by another customer is not taken: it becomes a duplicate suggestion for an
    /// agent, stored with this customer's write.
    /// </summary>
    private async Task LinkIdentityAsync(ChannelIdentity identity, string actor, DateTimeOffset at, List<TimelineDraft> timeline, List<object> alsoWrite)
    {
        var claim = await GrainFactory.GetGrain<IIdentityGrain>(IdentityKey.For(Workspace, identity)).Claim(CustomerId);
        if (claim.Outcome == ClaimOutcome.OwnedByOther)
        {
            alsoWrite.Add(new DuplicateSuggestionRow(Workspace, CustomerId, claim.OwnerId!, ChannelNames.Of(identity.Channel), identity.Value, at));
            timeline.Add(new TimelineDraft(at, "duplicate_suggested", actor, $"{ChannelNames.Of(identity.Channel)} {identity.Value} belongs to customer {claim.OwnerId}"));
            return;
        }

        State.Identities.Add(identity);
        timeline.Add(new TimelineDraft(at, "identity_linked", actor, $"{ChannelNames.Of(identity.Channel)} {identity.Value}"));
    }

    /// <summary>The rule an event would break against this customer's current state (beyond its own validation), or null.</summary>
    private ValidationError? BreaksStateRules(EngagementEvent @event) =>
        @event.Type == EventType.Identify
        && @event.Traits?.Attributes is { } attributes
        && State.Attributes.Keys.Union(attributes.Keys).Count() > ProfileRules.MaxAttributes
            ? new ValidationError("traits.attributes", $"a customer has at most {ProfileRules.MaxAttributes} attributes")
            : null;

    private void MarkActive(DateTimeOffset at) => State.LastActive = Latest(State.LastActive, at);

    private static DateTimeOffset Latest(DateTimeOffset? current, DateTimeOffset candidate) => current is { } known && known > candidate ? known : candidate;

    private static DateTimeOffset? Latest(DateTimeOffset? current, DateTimeOffset? candidate) => candidate is null ? current : Latest(current, candidate.Value);

    private static string Describe(ChannelIdentity source) => $"{ChannelNames.Of(source.Channel)}:{source.Value}";

    private static string Money(decimal amount, string currency) => $"{amount.ToString("0.00", CultureInfo.InvariantCulture)} {currency}";
}
