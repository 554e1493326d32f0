namespace Crm.Silo.Tests.Scheduling;

/// <summary>What the test opens to let the waiting gate grain go on, and how it knows the grain is waiting.</summary>
public sealed class Gate
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _waiting = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Waiting => _waiting.Task;

    public Task WaitAsync()
    {
        _waiting.TrySetResult();
        return _open.Task;
    }

    public void Open() => _open.TrySetResult();
}
