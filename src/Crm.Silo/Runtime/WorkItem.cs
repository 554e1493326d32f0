namespace Crm.Silo.Runtime;

/// <summary>
/// Something an activation runs: a request, a continuation of one, or a control signal.
/// It is its own queue node, so enqueueing allocates nothing; and it is a synchronization context,
/// so a request is the context its own awaits resume on.
/// </summary>
internal abstract class WorkItem : SynchronizationContext
{
    internal WorkItem? Next;
}
