using Crm.Silo.Storage;

namespace Crm.Silo.Hosting;

/// <summary>The <c>Silo</c> configuration section: how grains are scheduled, collected and stored. Checked at start.</summary>
public sealed class SiloOptions
{
    public const string SectionName = "Silo";

    /// <summary>Requests one activation may have waiting before callers are refused at once (Orleans' <c>LimitExceededException</c>, answered 503).</summary>
    public int MaxQueuedRequestsPerActivation { get; set; } = 10_000;

    /// <summary>How long a caller waits for a grain's answer. Orleans has no instant deadlock detection, so this is also how long a call cycle would hang; cycles are designed out.</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Idle age after which an activation is collected, unless its class says otherwise with <c>[CollectionAgeLimit]</c>.</summary>
    public TimeSpan DefaultCollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    public GroupCommitOptions GroupCommit { get; set; } = new();

    /// <summary>Refuses settings that would stall the silo, naming the setting and the rule.</summary>
    public void Validate()
    {
        Require(MaxQueuedRequestsPerActivation > 0, nameof(MaxQueuedRequestsPerActivation), "must be at least 1");
        Require(ResponseTimeout > TimeSpan.Zero, nameof(ResponseTimeout), "must be positive");
        Require(DefaultCollectionAge >= TimeSpan.FromMinutes(1), nameof(DefaultCollectionAge), "must be at least 00:01:00 (Orleans' minimum collection age)");
        Require(GroupCommit.MaxBatchSize > 0, "GroupCommit:MaxBatchSize", "must be at least 1");
        Require(GroupCommit.MaxBatchDelay >= TimeSpan.Zero, "GroupCommit:MaxBatchDelay", "must not be negative");
    }

    private static void Require(bool valid, string setting, string rule)
    {
        if (!valid)
        {
            throw new InvalidOperationException($"{SectionName}:{setting} {rule}.");
        }
    }
}
