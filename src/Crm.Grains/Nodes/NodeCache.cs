using System.Collections.Concurrent;

namespace Crm.Grains.Nodes;

/// <summary>
/// One node's copies of values read from grains, by key. Callers missing the same key share one fetch; a fetch that fails
/// is not kept, so the next caller tries again. An entry leaves when it is evicted (a broadcast said it changed), when
/// everything is cleared (the node rejoined the directory) or once it is older than the maximum age. Evicting also drops
/// a fetch still in flight: its callers get what it returns, but the next caller fetches again, so a read that starts
/// after an eviction never sees what was there before it.
/// </summary>
public sealed class NodeCache<TValue>(Func<string, Task<TValue>> fetch, TimeSpan maxAge, TimeProvider time, Func<TValue, bool>? keep = null)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public Task<TValue> GetAsync(string key)
    {
        while (true)
        {
            if (_entries.TryGetValue(key, out var current))
            {
                if (time.GetElapsedTime(current.FetchedAt) < maxAge)
                {
                    return current.Value.Task;
                }

                var replacement = new Entry(time.GetTimestamp());
                if (_entries.TryUpdate(key, replacement, current))
                {
                    return Fill(key, replacement);
                }
            }
            else
            {
                var entry = new Entry(time.GetTimestamp());
                if (_entries.TryAdd(key, entry))
                {
                    return Fill(key, entry);
                }
            }
        }
    }

    public void Evict(string key) => _entries.TryRemove(key, out _);

    /// <summary>Evicts the key's value if it was fetched and <paramref name="outdated"/> says it is behind.</summary>
    public void EvictIf(string key, Func<TValue, bool> outdated)
    {
        if (_entries.TryGetValue(key, out var current) && current.Value.Task.IsCompletedSuccessfully && outdated(current.Value.Task.Result))
        {
            _entries.TryRemove(KeyValuePair.Create(key, current));
        }
    }

    public void Clear() => _entries.Clear();

    private Task<TValue> Fill(string key, Entry entry)
    {
        _ = FetchAsync(key, entry);
        return entry.Value.Task;
    }

    /// <summary>
    /// Runs apart from whichever caller missed first (no grain turn, request context or trace of theirs), since its result
    /// is shared by every caller that joins it.
    /// </summary>
    private async Task FetchAsync(string key, Entry entry)
    {
        try
        {
            Task<TValue> fetching;
            using (ExecutionContext.SuppressFlow())
            {
                fetching = Task.Run(() => fetch(key));
            }

            var value = await fetching.ConfigureAwait(false);
            if (keep is not null && !keep(value))
            {
                _entries.TryRemove(KeyValuePair.Create(key, entry));
            }

            entry.Value.SetResult(value);
        }
        catch (Exception exception)
        {
            _entries.TryRemove(KeyValuePair.Create(key, entry));
            entry.Value.SetException(exception);
        }
    }

    private sealed class Entry(long fetchedAt)
    {
        public long FetchedAt { get; } = fetchedAt;

        public TaskCompletionSource<TValue> Value { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
