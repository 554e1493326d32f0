using System.Collections.Concurrent;
using System.Diagnostics;
using Crm.Silo.Diagnostics;
using Crm.Silo.Storage;

namespace Crm.Silo.Tests.Storage;

public sealed class GroupCommitTracingTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly ActivitySource _callers = new($"Crm.Silo.Tests.Callers.{Guid.NewGuid():N}");
    private readonly ConcurrentDictionary<ActivityTraceId, bool> _traces = new();
    private readonly ConcurrentQueue<Activity> _commits = new();
    private readonly ActivityListener _listener;
    private readonly StorageMetrics _metrics = new();
    private readonly string _prefix = Guid.NewGuid().ToString("N");

    public GroupCommitTracingTests()
    {
        // Commits of other tests' committers in the process are sampled too while this listens; only this test's traces are kept.
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source == _callers || source.Name == StorageTracing.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> options) =>
                options.Source == _callers || options.Source.Name == StorageTracing.SourceName ? ActivitySamplingResult.AllDataAndRecorded : ActivitySamplingResult.None,
            ActivityStopped = activity =>
            {
                if (activity.Source.Name == StorageTracing.SourceName && _traces.ContainsKey(activity.TraceId))
                {
                    _commits.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    [Fact]
    public async Task A_batch_commit_links_every_queued_write_and_is_the_child_of_the_oldest()
    {
        await using var storage = new RecordingStorage(new MemoryStateStorage(), 1);
        await storage.InitializeAsync([], CancellationToken.None);
        await using var committer = new GroupCommitter(storage, new GroupCommitOptions(), _metrics);
        var gate = new BatchGate();
        storage.BeforeBatch = index => index == 0 ? gate.WaitAsync() : Task.CompletedTask;
        var blocker = committer.WriteAsync(new StateWrite(Key("blocker"), null, "{}", []));
        await gate.Entered;

        // Three callers of three traces queue while the first batch is held, so one transaction stores all three.
        var callers = new List<ActivityContext>();
        var writes = new List<Task<WriteOutcome>>();
        foreach (var name in new[] { "first", "second", "third" })
        {
            using var caller = _callers.StartActivity($"write {name}", ActivityKind.Server, default(ActivityContext))!;
            _traces[caller.TraceId] = true;
            callers.Add(caller.Context);
            writes.Add(committer.WriteAsync(new StateWrite(Key(name), null, "{}", [])));
        }

        gate.Release();
        await Task.WhenAll(writes).WaitAsync(Patience);
        await blocker.WaitAsync(Patience);

        var commit = Assert.Single(_commits);
        Assert.Equal(StorageTracing.CommitActivityName, commit.DisplayName);
        Assert.Equal(callers, commit.Links.Select(link => link.Context));
        Assert.Equal(callers[0].TraceId, commit.TraceId);
        Assert.Equal(callers[0].SpanId, commit.ParentSpanId);
        Assert.Equal(3, commit.GetTagItem("crm.storage.batch.writes"));
        Assert.Equal(3, storage.Batches[1].Length);
    }

    [Fact]
    public async Task A_batch_no_traced_caller_waits_for_runs_outside_any_activity_and_untraced_writes_are_not_linked()
    {
        await using var storage = new RecordingStorage(new MemoryStateStorage(), 1);
        await storage.InitializeAsync([], CancellationToken.None);
        await using var committer = new GroupCommitter(storage, new GroupCommitOptions(), _metrics);
        var during = new ConcurrentDictionary<int, Activity?>();
        var gate = new BatchGate();
        storage.BeforeBatch = index =>
        {
            during[index] = Activity.Current;
            return index == 0 ? gate.WaitAsync() : Task.CompletedTask;
        };
        Assert.Null(Activity.Current);

        var untraced = committer.WriteAsync(new StateWrite(Key("untraced"), null, "{}", []));
        await gate.Entered;
        var background = committer.WriteAsync(new StateWrite(Key("background"), null, "{}", []));
        ActivityContext traced;
        Task<WriteOutcome> tracedWrite;
        using (var caller = _callers.StartActivity("write traced", ActivityKind.Server, default(ActivityContext))!)
        {
            _traces[caller.TraceId] = true;
            traced = caller.Context;
            tracedWrite = committer.WriteAsync(new StateWrite(Key("traced"), null, "{}", []));
        }

        gate.Release();
        await Task.WhenAll(untraced, background, tracedWrite).WaitAsync(Patience);

        Assert.Null(during[0]);
        Assert.Equal(StorageTracing.CommitActivityName, during[1]?.DisplayName);
        Assert.Equal([traced], during[1]!.Links.Select(link => link.Context));
        Assert.Equal(2, storage.Batches[1].Length);
    }

    private StateKey Key(string name) => new("group-commit.tracing", $"{_prefix}-{name}");

    public void Dispose()
    {
        _listener.Dispose();
        _callers.Dispose();
        _metrics.Dispose();
    }
}
