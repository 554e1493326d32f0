namespace Crm.Silo.Runtime;

/// <summary>The rest of a request's turn after an await, run on the activation with the request as context.</summary>
internal sealed class Continuation(Request owner, SendOrPostCallback callback, object? state) : WorkItem
{
    public void Run()
    {
        var previous = Current;
        SetSynchronizationContext(owner);
        try
        {
            callback(state);
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }
}
