using System.Globalization;
using Crm.Grains.Intents;

namespace Crm.Bench.Baseline;

/// <summary>
/// A customer row as the CRUD application loads it (locked) and changes it for one event, with the rules the engine
/// applies to the same event: counters, last contact and activity, lifecycle from the default thresholds, and an intent
/// from the same text model (the latest inbound message decides, browsing pricing or the cart means sales). Every change
/// the engine writes to the timeline is written here too, with the same kinds and summaries.
/// </summary>
public sealed class CrudCustomer
{
    public string Lifecycle { get; set; } = "lead";

    public string Intent { get; set; } = "no_engagement";

    public double IntentScore { get; set; }

    public int Conversations { get; set; }

    public int Messages { get; set; }

    public int Orders { get; set; }

    public decimal Ltv { get; set; }

    public int CsatSum { get; set; }

    public int CsatCount { get; set; }

    public DateTimeOffset FirstSeen { get; set; }

    public DateTimeOffset? LastActive { get; set; }

    public DateTimeOffset? LastContact { get; set; }

    public DateTimeOffset? LastPricingView { get; set; }

    public DateTimeOffset? LastCartView { get; set; }

    public long TimelineSequence { get; set; }

    public int RecentConversations { get; set; }

    public List<(long Sequence, DateTimeOffset At, string Kind, string Actor, string Summary)> Timeline { get; } = [];

    public void Record(DateTimeOffset at, string kind, string actor, string summary) => Timeline.Add((++TimelineSequence, at, kind, actor, summary));

    public void MarkActive(DateTimeOffset at) => LastActive = Latest(LastActive, at);

    public void MarkContact(DateTimeOffset at) => LastContact = Latest(LastContact, at);

    public void ResolveLifecycle(DateTimeOffset now)
    {
        var silentDays = (now - (LastContact ?? FirstSeen)).TotalDays;
        var (stage, reason) = silentDays switch
        {
            >= 90 => ("churned", "no contact for 90 days"),
            >= 30 => ("at_risk", "no contact for 30 days"),
            _ when Ltv >= 1000m => ("vip", "lifetime value reached 1000"),
            _ when RecentConversations >= 3 => ("active", $"{RecentConversations} conversations in the last 30 days"),
            _ when Orders > 0 => ("customer", "placed an order"),
            _ => ("lead", "no order yet"),
        };
        if (stage != Lifecycle)
        {
            Record(now, "lifecycle_changed", "system", $"{Lifecycle} → {stage}: {reason}");
            Lifecycle = stage;
        }
    }

    public void ResolveIntent(IntentPrediction? latestMessage, DateTimeOffset now)
    {
        var (intent, score) = latestMessage is not null && latestMessage.Intent != Grains.Intents.Intent.General
            ? (Name(latestMessage.Intent), latestMessage.Score)
            : Within(LastPricingView, now, 7) || Within(LastCartView, now, 7) ? ("sales_opportunity", 0.6)
            : latestMessage is not null || Messages > 0 ? (Intent == "no_engagement" ? "general" : Intent, IntentScore)
            : (Intent, IntentScore);
        if (intent != Intent)
        {
            Record(now, "intent_changed", "system", $"{Intent} → {intent}");
        }

        (Intent, IntentScore) = (intent, score);
    }

    public double? CsatAverage => CsatCount == 0 ? null : Math.Round((double)CsatSum / CsatCount, 2);

    public static string Money(decimal amount, string currency) => $"{amount.ToString("0.00", CultureInfo.InvariantCulture)} {currency}";

    private static string Name(Intent intent) => intent switch
    {
        Grains.Intents.Intent.SalesOpportunity => "sales_opportunity",
        Grains.Intents.Intent.Support => "support",
        Grains.Intents.Intent.General => "general",
        _ => "no_engagement",
    };

    private static bool Within(DateTimeOffset? at, DateTimeOffset now, int days) => at is { } seen && (now - seen).TotalDays <= days;

    private static DateTimeOffset Latest(DateTimeOffset? current, DateTimeOffset candidate) => current is { } known && known > candidate ? known : candidate;
}
