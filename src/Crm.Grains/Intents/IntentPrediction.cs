namespace Crm.Grains.Intents;

/// <summary>
/// What a text model concluded about one message.
/// <paramref name="Score"/> is the probability of <paramref name="Intent"/>, the largest of <paramref name="Probabilities"/>;
/// <paramref name="Reasons"/> are sentences an agent can read, strongest first.
/// </summary>
public sealed record IntentPrediction(
    Intent Intent,
    double Score,
    IReadOnlyDictionary<Intent, double> Probabilities,
    IReadOnlyList<string> Reasons);
