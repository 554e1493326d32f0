using System.Collections.Concurrent;

namespace Crm.Bench.Runtime;

/// <summary>
/// The baseline: the least a mailbox runtime can do per call (a queue per target, a thread-pool work item when
/// it goes from idle to busy, a task completed per call), with none of the runtime's guarantees.
/// </summary>
internal sealed class BareActor : IThreadPoolWorkItem
{
    private readonly ConcurrentQueue<TaskCompletionSource> _queue = new();
    private int _scheduled;

    public Task Call()
    {
        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _queue.Enqueue(completion);
        if (Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);
        }

        return completion.Task;
    }

    public void Execute()
    {
        while (_queue.TryDequeue(out var completion))
        {
            completion.SetResult();
        }

        Volatile.Write(ref _scheduled, 0);
        if (!_queue.IsEmpty && Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);
        }
    }
}
