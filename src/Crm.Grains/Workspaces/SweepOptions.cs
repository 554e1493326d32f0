namespace Crm.Grains.Workspaces;

/// <summary>How often time-based lifecycle and intent changes are looked for (configuration section <c>Sweep</c>).</summary>
public sealed class SweepOptions
{
    public const string SectionName = "Sweep";

    /// <summary>Orleans' shortest reminder period.</summary>
    public static readonly TimeSpan MinInterval = TimeSpan.FromMinutes(1);

    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(10);

    public void Validate()
    {
        if (Interval < MinInterval)
        {
            throw new InvalidOperationException($"{SectionName}:Interval must be at least {MinInterval:c} (the sweep wakes by an Orleans reminder).");
        }
    }
}
