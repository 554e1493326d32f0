namespace Crm.Silo;

/// <summary>A write carried an ETag that no longer matches storage: another writer got there first. The activation is dropped.</summary>
public sealed class InconsistentStateException(string message, string? storedETag, string? currentETag) : Exception(message)
{
    public string? StoredETag { get; } = storedETag;

    public string? CurrentETag { get; } = currentETag;
}

/// <summary>A call would wait on a grain that is itself waiting on the caller. Raised at once, naming the chain.</summary>
public sealed class DeadlockException(IReadOnlyList<GrainId> callChain)
    : Exception($"Deadlock: the call chain {string.Join(" -> ", callChain)} returns to a grain that cannot interleave the request")
{
    public IReadOnlyList<GrainId> CallChain { get; } = callChain;
}

/// <summary>The grain's request queue is full; the caller should back off rather than pile on.</summary>
public sealed class GrainOverloadedException(GrainId grain, int limit)
    : Exception($"Grain {grain} is overloaded: {limit} requests are already waiting")
{
    public GrainId Grain { get; } = grain;
}

/// <summary>A request got no response within the configured response timeout.</summary>
public sealed class GrainResponseTimeoutException(GrainId grain, string method, TimeSpan timeout)
    : TimeoutException($"{grain}.{method} did not respond within {timeout.TotalSeconds:0.###} s");
