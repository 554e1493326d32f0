namespace Crm.Web.Limits;

/// <summary>
/// The <c>Ingest:Admission</c> configuration section: how much ingest work one node takes on before it sheds new
/// requests with 503 instead of letting acknowledgements wait. The defaults never shed below the node's saturated rate:
/// there the events in flight stay far under <see cref="MaxEventsInFlight"/> and nothing waits for admission.
/// </summary>
public sealed class IngestAdmissionSettings
{
    public const string Section = "Ingest:Admission";

    /// <summary>
    /// Events being applied at once on this node. Group commit gains nothing from more: beyond this the extra work only
    /// waits in grain and storage queues, where it can no longer be refused. A request of more events than this takes the
    /// whole limit.
    /// </summary>
    public int MaxEventsInFlight { get; set; } = 4000;

    /// <summary>Events of admitted-but-waiting requests; a request that would queue beyond it is shed at once.</summary>
    public int MaxQueuedEvents { get; set; } = 20_000;

    /// <summary>
    /// The longest a request waits for admission. A request is shed at once when the events queued ahead of it, at the
    /// rate this node has been completing events, would keep it waiting longer; one that still waits this long is shed then.
    /// </summary>
    public TimeSpan MaxQueueWait { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The <c>Retry-After</c> a shed request is given, in whole seconds.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Refuses to start with settings that could never admit a request or never tell a client when to return, naming the setting.</summary>
    public void Validate()
    {
        if (MaxEventsInFlight < 1)
        {
            throw new InvalidOperationException($"{Section}:MaxEventsInFlight must be at least 1.");
        }

        if (MaxQueuedEvents < 0)
        {
            throw new InvalidOperationException($"{Section}:MaxQueuedEvents must not be negative (0 sheds whatever cannot be admitted at once).");
        }

        if (MaxQueueWait <= TimeSpan.Zero || MaxQueueWait > TimeSpan.FromMinutes(1))
        {
            throw new InvalidOperationException($"{Section}:MaxQueueWait must be more than zero and at most 00:01:00.");
        }

        if (RetryAfter < TimeSpan.FromSeconds(1) || RetryAfter > TimeSpan.FromHours(1) || RetryAfter.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new InvalidOperationException($"{Section}:RetryAfter must be whole seconds from 00:00:01 to 01:00:00.");
        }
    }
}
