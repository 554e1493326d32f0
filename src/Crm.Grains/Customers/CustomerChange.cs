using Crm.Grains.ReadModel;

namespace Crm.Grains.Customers;

/// <summary>
/// What a committed customer write changed, for whoever shows it live. <see cref="Snapshot"/> is null when the customer
/// left the list (merged or erased). <see cref="EnteredAtRisk"/> and <see cref="MoodTurnedNegative"/> (recent messages
/// turned negative, <see cref="Intents.SentimentRules.TurnedNegative"/>) each make the customer a needs-attention alert.
/// </summary>
public sealed record CustomerChange(
    string Workspace,
    string CustomerId,
    CustomerSnapshot? Snapshot,
    bool EnteredAtRisk,
    bool BecameSalesOpportunity,
    bool MoodTurnedNegative,
    IReadOnlyList<TimelineRow> Timeline,
    string? MergedInto = null);
