namespace Crm.Silo.Storage;

/// <summary>The outcome of one write in a batch: stored with its new version, or refused because the expected version was stale.</summary>
public readonly record struct WriteOutcome(bool Conflict, long? Version)
{
    public static WriteOutcome Written(long? version) => new(false, version);

    public static WriteOutcome Stale() => new(true, null);
}
