using Crm.Grains.ReadModel;

namespace Crm.Web.Dashboard;

/// <summary>The names of the server-to-client hub methods a dashboard listens to.</summary>
public static class DashboardMethods
{
    public const string StatsChanged = "statsChanged";
    public const string CustomerChanged = "customerChanged";
    public const string CustomerRemoved = "customerRemoved";
    public const string NeedsAttention = "needsAttention";
    public const string Opportunity = "opportunity";
    public const string CustomerMerged = "customerMerged";
    public const string TimelineAppended = "timelineAppended";
}

public sealed record CustomerRemovedMessage(string Id);

public sealed record CustomerMergedMessage(string SurvivorId, string DuplicateId);

public sealed record TimelineEntryMessage(long Sequence, DateTimeOffset At, string Kind, string Actor, string Summary)
{
    public static TimelineEntryMessage From(TimelineRow row) => new(row.Sequence, row.At, row.Kind, row.Actor, row.Summary);
}

public sealed record TimelineAppendedMessage(string CustomerId, IReadOnlyList<TimelineEntryMessage> Entries);
