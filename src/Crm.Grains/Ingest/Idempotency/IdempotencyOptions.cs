namespace Crm.Grains.Ingest.Idempotency;

/// <summary>How long an applied event id is remembered (configuration section <c>Idempotency</c>).</summary>
public sealed class IdempotencyOptions
{
    public const string SectionName = "Idempotency";

    /// <summary>Adapters retry within minutes, replay backlogs within days; Segment promises about a day.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(7);

    public TimeSpan Window { get; set; } = DefaultWindow;

    public void Validate()
    {
        if (Window < TimeSpan.FromMinutes(1) || Window > TimeSpan.FromDays(90))
        {
            throw new InvalidOperationException($"{SectionName}:Window must be between 00:01:00 and 90.00:00:00 (it was {Window:c}).");
        }
    }
}
