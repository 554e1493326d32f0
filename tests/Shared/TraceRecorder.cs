using System.Collections.Concurrent;
using System.Diagnostics;

namespace Crm.Testing;

/// <summary>
/// Records the stopped activities of one trace from the named sources. Only that trace is sampled, so other tests in the
/// process, whose activities the listener also sees, keep running unrecorded.
/// </summary>
public sealed class TraceRecorder : IDisposable
{
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;

    public TraceRecorder(params string[] sources)
    {
        var trace = Trace;
        _listener = new ActivityListener
        {
            ShouldListenTo = source => sources.Contains(source.Name),
            Sample = (ref ActivityCreationOptions<ActivityContext> options) =>
                options.TraceId == trace ? ActivitySamplingResult.AllDataAndRecorded : ActivitySamplingResult.None,
            ActivityStopped = activity =>
            {
                if (activity.TraceId == trace)
                {
                    _stopped.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public ActivityTraceId Trace { get; } = ActivityTraceId.CreateRandom();

    /// <summary>A W3C <c>traceparent</c> value that puts a call into the recorded trace.</summary>
    public string TraceParent => $"00-{Trace}-{ActivitySpanId.CreateRandom()}-01";

    /// <summary>A remote parent context in the recorded trace, for activities a test starts itself.</summary>
    public ActivityContext Parent => new(Trace, ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded, isRemote: true);

    /// <summary>The spans recorded once <paramref name="complete"/> holds, or after 30 s whatever was recorded.</summary>
    public async Task<IReadOnlyList<Activity>> WaitForAsync(Func<IReadOnlyList<Activity>, bool> complete)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var spans = _stopped.ToArray();
            if (complete(spans) || DateTime.UtcNow > deadline)
            {
                return spans;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Whether <paramref name="span"/> runs under <paramref name="ancestor"/>, following parents through <paramref name="spans"/>.</summary>
    public static bool Descends(Activity span, Activity ancestor, IReadOnlyList<Activity> spans)
    {
        for (var parent = span.ParentSpanId; parent != default;)
        {
            if (parent == ancestor.SpanId)
            {
                return true;
            }

            parent = spans.FirstOrDefault(candidate => candidate.SpanId == parent)?.ParentSpanId ?? default;
        }

        return false;
    }

    public void Dispose() => _listener.Dispose();
}
