namespace Crm.Grains.ReadModel;

/// <summary>The four stat cards of a workspace.</summary>
public sealed record StatsCounts(long All, long Active, long NeedsAttention, long SalesOpportunities)
{
    public static StatsCounts Zero { get; } = new(0, 0, 0, 0);

    public StatsCounts Add(StatsDelta delta) =>
        new(All + delta.All, Active + delta.Active, NeedsAttention + delta.NeedsAttention, SalesOpportunities + delta.SalesOpportunities);
}
