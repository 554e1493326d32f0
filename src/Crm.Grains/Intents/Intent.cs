namespace Crm.Grains.Intents;

/// <summary>What a customer's recent behaviour suggests an agent should do.</summary>
public enum Intent
{
    NoEngagement,
    General,
    Support,
    SalesOpportunity,
}
