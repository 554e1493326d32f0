using System.Diagnostics;
using System.Threading.Channels;
using Crm.Silo.Diagnostics;

namespace Crm.Silo.Storage;

/// <summary>
/// Group commit: writes queue here and a few loops drain them into shared transactions. Each writer's task
/// completes when its batch is durable; two writes of one grain waiting in the same batch are stored once.
/// </summary>
internal sealed class GroupCommitter : IAsyncDisposable
{
    private readonly IStateStorage _storage;
    private readonly GroupCommitOptions _options;
    private readonly StorageMetrics _metrics;
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleWriter = false });
    private readonly Task[] _loops;

    public GroupCommitter(IStateStorage storage, GroupCommitOptions options, StorageMetrics metrics)
    {
        _storage = storage;
        _options = options;
        _metrics = metrics;
        _loops = Enumerable.Range(0, Math.Max(1, storage.MaxConcurrentBatches)).Select(_ => Task.Run(RunAsync)).ToArray();
    }

    public Task<WriteOutcome> WriteAsync(StateWrite write)
    {
        var pending = new PendingWrite(write);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(GroupCommitter), "Storage is shut down: the write was not accepted.");
        }

        return pending.Completion.Task;
    }

    private async Task RunAsync()
    {
        var batch = new List<PendingWrite>(_options.MaxBatchSize);
        var carried = new List<PendingWrite>();
        while (carried.Count > 0 || await _queue.Reader.WaitToReadAsync())
        {
            batch.AddRange(carried);
            carried.Clear();
            await FillAsync(batch);
            if (batch.Count == 0)
            {
                // Every waiting loop wakes for one write; those that find it taken go back to waiting.
                continue;
            }

            var writes = Coalesce(batch, carried);
            await CommitAsync(writes);
            batch.Clear();
        }
    }

    private async Task FillAsync(List<PendingWrite> batch)
    {
        Drain(batch);
        if (_options.MaxBatchDelay > TimeSpan.Zero && batch.Count < _options.MaxBatchSize)
        {
            await Task.Delay(_options.MaxBatchDelay);
            Drain(batch);
        }
    }

    private void Drain(List<PendingWrite> batch)
    {
        while (batch.Count < _options.MaxBatchSize && _queue.Reader.TryRead(out var write))
        {
            batch.Add(write);
        }
    }

    /// <summary>
    /// Folds later writes of a grain into its first one in the batch: the newest state wins, every writer's rows are kept
    /// and every writer is completed by the one store. A write that expects a different version, or a clear, waits for the next batch.
    /// </summary>
    private static List<Coalesced> Coalesce(List<PendingWrite> batch, List<PendingWrite> carried)
    {
        var byKey = new Dictionary<StateKey, Coalesced>(batch.Count);
        var writes = new List<Coalesced>(batch.Count);
        foreach (var pending in batch)
        {
            if (!byKey.TryGetValue(pending.Write.Key, out var existing))
            {
                var coalesced = new Coalesced(pending);
                byKey.Add(pending.Write.Key, coalesced);
                writes.Add(coalesced);
            }
            else if (existing.Write.ExpectedVersion == pending.Write.ExpectedVersion && !existing.Write.IsClear && !pending.Write.IsClear)
            {
                existing.Absorb(pending);
            }
            else
            {
                carried.Add(pending);
            }
        }

        return writes;
    }

    private async Task CommitAsync(List<Coalesced> writes)
    {
        var started = Stopwatch.GetTimestamp();
        using var activity = StorageTracing.IsListening ? StorageTracing.StartCommit(writes.SelectMany(write => write.Writers), writes.Count) : null;
        try
        {
            var outcomes = await _storage.WriteBatchAsync(writes.Select(write => write.Write).ToArray(), CancellationToken.None);
            var conflicts = 0;
            for (var i = 0; i < writes.Count; i++)
            {
                conflicts += outcomes[i].Conflict ? 1 : 0;
                writes[i].Complete(outcomes[i]);
            }

            _metrics.BatchCommitted(writes.Count, started, conflicts);
            activity?.SetTag("crm.storage.batch.conflicts", conflicts);
        }
        catch (Exception exception)
        {
            _metrics.BatchFailed();
            activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().FullName);
            foreach (var write in writes)
            {
                write.Fail(exception);
            }
        }
    }

    /// <summary>Stops accepting writes and completes once everything accepted is stored.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_loops);
    }

    private sealed class PendingWrite(StateWrite write)
    {
        public StateWrite Write { get; } = write;

        public ActivityContext Writer { get; } = StorageTracing.CaptureWriter();

        public TaskCompletionSource<WriteOutcome> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class Coalesced(PendingWrite first)
    {
        private List<PendingWrite>? _absorbed;

        public StateWrite Write { get; private set; } = first.Write;

        public IEnumerable<ActivityContext> Writers => _absorbed is null ? [first.Writer] : [first.Writer, .. _absorbed.Select(write => write.Writer)];

        public void Absorb(PendingWrite later)
        {
            Write = later.Write with { Rows = [.. Write.Rows, .. later.Write.Rows] };
            (_absorbed ??= []).Add(later);
        }

        public void Complete(WriteOutcome outcome)
        {
            first.Completion.TrySetResult(outcome);
            _absorbed?.ForEach(write => write.Completion.TrySetResult(outcome));
        }

        public void Fail(Exception exception)
        {
            first.Completion.TrySetException(exception);
            _absorbed?.ForEach(write => write.Completion.TrySetException(exception));
        }
    }
}
