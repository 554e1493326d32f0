using Crm.Grains.Workspaces;

namespace Crm.Grains.Customers;

/// <summary>
/// The automatic lifecycle stage, from the workspace's thresholds, most decisive first: long silence (churned, then at
/// risk), then lifetime value (VIP), then recent conversations (active), then any order (customer), else lead.
/// An agent's manual choice stands until the automatic stage moves away from what it was when the agent chose.
/// </summary>
public static class LifecycleRules
{
    public static (Lifecycle Stage, string Reason) Automatic(CustomerState state, WorkspaceSettings settings, DateTimeOffset now)
    {
        var lastContact = state.LastContact ?? state.FirstSeen;
        var silentDays = (now - lastContact).TotalDays;
        if (silentDays >= settings.ChurnedAfterDays)
        {
            return (Lifecycle.Churned, $"no contact for {settings.ChurnedAfterDays} days");
        }

        if (silentDays >= settings.AtRiskAfterDays)
        {
            return (Lifecycle.AtRisk, $"no contact for {settings.AtRiskAfterDays} days");
        }

        if (state.LifetimeValue >= settings.VipLifetimeValue)
        {
            return (Lifecycle.Vip, $"lifetime value reached {settings.VipLifetimeValue:0.##}");
        }

        var windowStart = now.AddDays(-settings.ActiveWindowDays);
        var recentConversations = state.RecentConversations.Count(conversation => conversation.StartedAt >= windowStart);
        if (recentConversations >= settings.ActiveConversations)
        {
            return (Lifecycle.Active, $"{recentConversations} conversations in the last {settings.ActiveWindowDays} days");
        }

        if (state.Orders > 0)
        {
            return (Lifecycle.Customer, "placed an order");
        }

        return (Lifecycle.Lead, "no order yet");
    }

    /// <summary>The stage to show now, and the reason when it differs from the current one; clears a manual choice the automatic stage has moved past.</summary>
    public static (Lifecycle Stage, string? Reason, bool ManualExpired) Resolve(CustomerState state, WorkspaceSettings settings, DateTimeOffset now)
    {
        var (automatic, reason) = Automatic(state, settings, now);
        if (state.ManualLifecycle is { } manual)
        {
            if (manual.AutomaticStageThen == automatic)
            {
                return (manual.Stage, null, false);
            }

            return (automatic, $"{reason} (replaces the manual choice of {manual.Actor})", true);
        }

        return (automatic, automatic == state.Lifecycle ? null : reason, false);
    }
}
