namespace Crm.Grains.Upgrade;

/// <summary>The identity upgrade pass (configuration section <c>Upgrade</c>).</summary>
public sealed class IdentityUpgradeOptions
{
    public const string SectionName = "Upgrade";

    /// <summary>Customers listed and upgraded per page; the cursor is stored after each page.</summary>
    public int PageSize { get; set; } = 256;

    /// <summary>
    /// How long a node's start waits for the pass before it listens anyway (reads served, ingest answering 503 until done).
    /// A fresh install or a small store is done well within it, so the node opens with ingest open.
    /// </summary>
    public TimeSpan WaitAtStart { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Below the silo's response timeout (30 s), so the wait is never a call that times out.</summary>
    public static readonly TimeSpan MaxWaitAtStart = TimeSpan.FromSeconds(20);

    public void Validate()
    {
        if (PageSize is < 1 or > 10_000)
        {
            throw new InvalidOperationException($"{SectionName}:PageSize must be between 1 and 10000.");
        }

        if (WaitAtStart < TimeSpan.Zero || WaitAtStart > MaxWaitAtStart)
        {
            throw new InvalidOperationException($"{SectionName}:WaitAtStart must be between 00:00:00 and {MaxWaitAtStart:c}.");
        }
    }
}
