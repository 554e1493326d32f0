using Crm.Grains.Merge;

namespace Crm.Grains.Tests.Infrastructure;

/// <summary>
/// Holds each merge right after its intent is stored until <paramref name="merges"/> merges have got that far, so
/// every one of them has checked its customers are live before any goes on: the worst interleaving, every time.
/// </summary>
public sealed class HoldMergesTogether(int merges) : IMergeFaults
{
    private readonly TaskCompletionSource _allStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _started;

    public Task AfterAsync(MergePhase phase)
    {
        if (phase != MergePhase.Started)
        {
            return Task.CompletedTask;
        }

        if (Interlocked.Increment(ref _started) == merges)
        {
            _allStarted.TrySetResult();
        }

        return _allStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
