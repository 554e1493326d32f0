using Orleans;
using Orleans.Concurrency;

namespace Crm.Grains.Intents;

/// <summary>
/// An agent's confirmation or correction of a customer's intent, and the intent computed at that moment: it stands until
/// the computed intent moves away from <see cref="ComputedIntentThen"/>.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("crm.IntentCorrection")]
public sealed record IntentCorrection(
    [property: Id(0)] Intent Intent,
    [property: Id(1)] string Actor,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string? Note,
    [property: Id(4)] Intent ComputedIntentThen)
{
    public bool Confirmed => Intent == ComputedIntentThen;
}
