namespace Crm.Grains.ReadModel;

/// <summary>How one customer write moves the workspace's stat cards; stored in the same transaction, so the cards equal a count of the rows.</summary>
public sealed record StatsDelta(string Workspace, int All, int Active, int NeedsAttention, int SalesOpportunities)
{
    public bool IsZero => All == 0 && Active == 0 && NeedsAttention == 0 && SalesOpportunities == 0;
}
