namespace Crm.Grains.Intents;

/// <summary>When a workspace's text model retrains after agents' corrections (configuration section <c>IntentModels</c>).</summary>
public sealed class IntentModelOptions
{
    public const string SectionName = "IntentModels";

    /// <summary>Quiet time after the last correction before retraining, so a burst of corrections trains once.</summary>
    public TimeSpan RetrainDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest a correction waits for retraining while corrections keep arriving.</summary>
    public TimeSpan MaxRetrainDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A retraining that takes longer is abandoned (the current version keeps serving) and tried again later.</summary>
    public TimeSpan TrainingTimeout { get; set; } = TimeSpan.FromMinutes(2);

    public void Validate()
    {
        if (RetrainDelay <= TimeSpan.Zero || MaxRetrainDelay < RetrainDelay)
        {
            throw new InvalidOperationException($"{SectionName}:RetrainDelay must be positive and at most {SectionName}:MaxRetrainDelay.");
        }

        if (TrainingTimeout <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{SectionName}:TrainingTimeout must be positive.");
        }
    }
}
