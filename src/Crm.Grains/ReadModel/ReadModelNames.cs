using Crm.Grains.Customers;
using Crm.Grains.Intents;

namespace Crm.Grains.ReadModel;

/// <summary>The snake_case names stages and intents have in the read model and the API (<c>at_risk</c>, <c>sales_opportunity</c>).</summary>
public static class ReadModelNames
{
    public static string Of(Lifecycle stage) => stage switch
    {
        Lifecycle.Lead => "lead",
        Lifecycle.Customer => "customer",
        Lifecycle.Active => "active",
        Lifecycle.AtRisk => "at_risk",
        Lifecycle.Churned => "churned",
        Lifecycle.Vip => "vip",
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };

    public static string Of(Intent intent) => intent.Label();

    /// <summary>Parses a stage name; <c>prospect</c> is accepted for <c>lead</c>.</summary>
    public static bool TryParseLifecycle(string? name, out Lifecycle stage)
    {
        (var known, stage) = name?.ToLowerInvariant() switch
        {
            "lead" or "prospect" => (true, Lifecycle.Lead),
            "customer" => (true, Lifecycle.Customer),
            "active" => (true, Lifecycle.Active),
            "at_risk" => (true, Lifecycle.AtRisk),
            "churned" => (true, Lifecycle.Churned),
            "vip" => (true, Lifecycle.Vip),
            _ => (false, Lifecycle.Lead),
        };
        return known;
    }

    public static bool TryParseIntent(string? name, out Intent intent)
    {
        intent = Intent.NoEngagement;
        try
        {
            intent = IntentLabels.Parse(name?.ToLowerInvariant() ?? string.Empty);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
