namespace Crm.Silo.Tests.Storage;

/// <summary>Holds one batch at the provider: the test awaits <see cref="Entered"/>, looks around, then releases it.</summary>
public sealed class BatchGate
{
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Entered => _entered.Task.WaitAsync(TimeSpan.FromSeconds(10));

    public Task WaitAsync()
    {
        _entered.TrySetResult();
        return _released.Task;
    }

    public void Release() => _released.TrySetResult();
}
