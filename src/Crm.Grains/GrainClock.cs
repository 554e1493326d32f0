namespace Crm.Grains;

/// <summary>
/// The clock grains read, a <see cref="TimeProvider"/> registered under <see cref="Key"/>. Orleans takes its own
/// timers from the unkeyed one, so a test can move the grains' time without freezing the silo.
/// </summary>
public static class GrainClock
{
    public const string Key = "crm.grains";
}
