namespace Crm.Grains.Workspaces;

/// <summary>How often time-based lifecycle and intent changes are looked for (configuration section <c>Sweep</c>).</summary>
public sealed class SweepOptions
{
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(10);
}
