namespace Crm.Grains.Intents;

/// <summary>The snake_case names intents have in the dataset and in the reasons shown to agents.</summary>
public static class IntentLabels
{
    public static string Label(this Intent intent) => intent switch
    {
        Intent.NoEngagement => "no_engagement",
        Intent.General => "general",
        Intent.Support => "support",
        Intent.SalesOpportunity => "sales_opportunity",
        _ => throw new ArgumentOutOfRangeException(nameof(intent), intent, "intent has no label"),
    };

    public static Intent Parse(string label) => label switch
    {
        "no_engagement" => Intent.NoEngagement,
        "general" => Intent.General,
        "support" => Intent.Support,
        "sales_opportunity" => Intent.SalesOpportunity,
        _ => throw new FormatException($"'{label}' is not an intent label"),
    };
}
