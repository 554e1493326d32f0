namespace Crm.Silo.Runtime;

/// <summary>
/// An intrusive multi-producer single-consumer queue (Vyukov): producers never block or allocate,
/// and the single consumer is whichever thread holds the activation's scheduling flag.
/// </summary>
internal sealed class WorkQueue
{
    private readonly WorkItem _stub = new StubItem();
    private WorkItem _head;
    private WorkItem _tail;

    public WorkQueue()
    {
        _head = _stub;
        _tail = _stub;
    }

    public bool IsEmpty => Volatile.Read(ref _tail) == _stub && _head == _stub;

    public void Enqueue(WorkItem item)
    {
        item.Next = null;
        var previous = Interlocked.Exchange(ref _tail, item);
        Volatile.Write(ref previous.Next, item);
    }

    /// <summary>Consumer only.</summary>
    public WorkItem? TryDequeue()
    {
        var head = _head;
        var next = Volatile.Read(ref head.Next);
        if (head == _stub)
        {
            if (next is null)
            {
                if (Volatile.Read(ref _tail) == _stub)
                {
                    return null;
                }

                next = WaitForLink(head);
            }

            _head = next;
            head = next;
            next = Volatile.Read(ref head.Next);
        }

        if (next is not null)
        {
            _head = next;
            return head;
        }

        if (Volatile.Read(ref _tail) != head)
        {
            _head = WaitForLink(head);
            return head;
        }

        Enqueue(_stub);
        next = Volatile.Read(ref head.Next) ?? WaitForLink(head);
        _head = next;
        return head;
    }

    /// <summary>A producer has swapped the tail but not yet linked its item: the window is a few instructions wide.</summary>
    private static WorkItem WaitForLink(WorkItem item)
    {
        var spinner = new SpinWait();
        WorkItem? next;
        while ((next = Volatile.Read(ref item.Next)) is null)
        {
            spinner.SpinOnce();
        }

        return next;
    }

    private sealed class StubItem : WorkItem;
}
