using System.Globalization;
using Crm.Grains.Customers;
using Crm.Grains.Identities;
using Crm.Grains.Ingest;
using Crm.Grains.Intents;
using Crm.Grains.Segments;
using Crm.Web.Demo;

namespace Crm.Bench.Query;

/// <summary>
/// Turns a demo customer's plan into the snapshot its customer grain would hold after applying the plan's events, without
/// running the grains: profile from the identify event, counters folded from the events, the stage the persona is built
/// for, intent from the latest inbound message as the shipped text model reads it (silence means no engagement), tags
/// and static segments from the plan, rule segments evaluated with the demo segments' compiled rules.
/// </summary>
public sealed class DemoSnapshots(IIntentTextModel intentModel, DateTimeOffset now)
{
    private readonly (string Id, Func<CustomerSnapshot, DateTimeOffset, bool> Matches)[] _rules = DemoSegments.All
        .Where(segment => segment.Kind == SegmentKind.Rule)
        .Select(segment => (SegmentIds.Slug(segment.Name), SegmentRule.Parse(segment.Rule).Compile()))
        .ToArray();

    public CustomerSnapshot From(DemoCustomerPlan plan)
    {
        var events = plan.Events;
        var identify = events[0];
        var profile = identify.Traits!.Profile!;
        var channels = (identify.Traits.Identities ?? []).Select(identity => identity.Channel).Append(identify.Channel).Select(ChannelNames.Of).ToHashSet();
        var conversationTypes = new[] { EventType.MessageReceived, EventType.ConversationOpened, EventType.ConversationClosed };
        var placed = events.Where(e => e.Type == EventType.OrderPlaced).ToArray();
        var scores = events.Where(e => e.Type == EventType.CsatSubmitted).Select(e => e.Score!.Value).ToArray();
        var inbound = events.Where(e => e.Type == EventType.MessageReceived && e.Direction == MessageDirection.Inbound).ToArray();
        var (intent, score) = IntentOf(plan.Persona, inbound.LastOrDefault(), events);
        var snapshot = new CustomerSnapshot
        {
            Id = IdOf(plan.Index, identify.OccurredAt),
            Name = profile.Name,
            Email = profile.Email,
            Phone = profile.Phone,
            Company = profile.Company,
            City = profile.City,
            Country = profile.Country,
            Language = profile.Language,
            Lifecycle = plan.Persona.Lifecycle(),
            Intent = intent,
            IntentScore = score,
            Tags = plan.Tags.ToHashSet(),
            Channels = channels,
            Conversations = events.Where(e => conversationTypes.Contains(e.Type)).Select(e => e.ConversationId).Distinct().Count(),
            Messages = events.Count(e => e.Type == EventType.MessageReceived),
            Orders = placed.Length,
            LifetimeValue = Math.Max(0, placed.Sum(e => e.Amount!.Value) - events.Where(e => e.Type == EventType.OrderRefunded).Sum(e => e.Amount!.Value)),
            CsatAverage = scores.Length == 0 ? null : Math.Round(scores.Average(), 2),
            FirstSeen = identify.OccurredAt,
            LastActive = inbound.Select(e => e.OccurredAt)
                .Concat(events.Where(e => e.Type is EventType.CsatSubmitted or EventType.OrderPlaced or EventType.PageViewed or EventType.Identify).Select(e => e.OccurredAt))
                .Max(),
            LastContact = events.Where(e => conversationTypes.Contains(e.Type)).Select(e => (DateTimeOffset?)e.OccurredAt).Max(),
        };
        var staticSegments = plan.StaticSegments.Select(SegmentIds.Slug);
        return snapshot with { Segments = _rules.Where(rule => rule.Matches(snapshot, now)).Select(rule => rule.Id).Concat(staticSegments).ToHashSet() };
    }

    /// <summary>Time-ordered like the engine's UUID v7 ids: 12 hex digits of first-seen milliseconds, then the index.</summary>
    private static string IdOf(int index, DateTimeOffset firstSeen) =>
        string.Create(CultureInfo.InvariantCulture, $"{firstSeen.ToUnixTimeMilliseconds():x12}7{index:x19}");

    private (Intent Intent, double Score) IntentOf(DemoPersona persona, EngagementEvent? lastInbound, IReadOnlyList<EngagementEvent> events)
    {
        if (persona is DemoPersona.AtRisk or DemoPersona.Churned)
        {
            return (Intent.NoEngagement, 1.0);
        }

        if (lastInbound is { Text: { } text } && (now - lastInbound.OccurredAt).TotalDays <= IntentRules.MessageWindowDays)
        {
            var prediction = intentModel.Predict(text);
            if (prediction.Intent != Intent.General)
            {
                return (prediction.Intent, Math.Round(prediction.Score, 3));
            }
        }

        var browsedToBuy = events.Any(e => e.Type == EventType.PageViewed && (now - e.OccurredAt).TotalDays <= IntentRules.BrowsingWindowDays
            && (e.Url!.Contains("pricing", StringComparison.Ordinal) || e.Url.Contains("cart", StringComparison.Ordinal)));
        return browsedToBuy ? (Intent.SalesOpportunity, 0.6) : (Intent.General, 0.5);
    }
}
