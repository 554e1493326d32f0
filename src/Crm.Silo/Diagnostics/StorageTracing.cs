using System.Diagnostics;

namespace Crm.Silo.Diagnostics;

/// <summary>
/// The group-commit storage's activity source, <c>Crm.Silo</c>. One transaction stores the writes of many callers, so
/// its activity cannot be the child of each of them: it links to every write's context (captured when the write is
/// queued) and is the child of the oldest one, so a batch of one write reads as a plain call tree. Nothing is captured
/// or started while nobody listens.
/// </summary>
public static class StorageTracing
{
    public const string SourceName = "Crm.Silo";
    public const string CommitActivityName = "storage commit";

    private static readonly ActivitySource Source = new(SourceName);

    internal static bool IsListening => Source.HasListeners();

    /// <summary>The caller's context for a queued write, or the default context when nobody listens or no activity runs.</summary>
    internal static ActivityContext CaptureWriter() =>
        Source.HasListeners() && Activity.Current is { } current ? current.Context : default;

    /// <summary>Starts the commit of a batch, linked to each traced write's caller; null when no caller was traced or no listener samples it.</summary>
    internal static Activity? StartCommit(IEnumerable<ActivityContext> writers, int writes)
    {
        var links = writers.Where(writer => writer != default).Distinct().Select(writer => new ActivityLink(writer)).ToList();
        if (links.Count == 0)
        {
            // A batch no traced caller waits for (a background write) would only be an orphan span.
            return null;
        }

        return Source.StartActivity(
            CommitActivityName,
            ActivityKind.Client,
            links[0].Context,
            [new("crm.storage.batch.writes", writes), new("crm.storage.batch.links", links.Count)],
            links);
    }
}
