using Crm.Grains.Nodes;
using Crm.Grains.Tests.Infrastructure;

namespace Crm.Grains.Tests.Nodes;

public sealed class NodeCacheTests
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Concurrent_misses_for_one_key_share_one_fetch()
    {
        var fetches = 0;
        var answer = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var cache = new NodeCache<string>(_ => { Interlocked.Increment(ref fetches); return answer.Task; }, MaxAge, new ManualTimestamps());

        var readers = Enumerable.Range(0, 50).Select(_ => cache.GetAsync("acme")).ToArray();
        answer.SetResult("v1");

        Assert.All(await Task.WhenAll(readers), value => Assert.Equal("v1", value));
        Assert.Equal("v1", await cache.GetAsync("acme"));
        Assert.Equal(1, fetches);
    }

    [Fact]
    public async Task An_eviction_during_a_fetch_makes_the_next_reader_fetch_again()
    {
        var answers = new Queue<TaskCompletionSource<string>>();
        var cache = new NodeCache<string>(_ =>
        {
            var answer = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (answers)
            {
                answers.Enqueue(answer);
            }

            return answer.Task;
        }, MaxAge, new ManualTimestamps());

        var early = cache.GetAsync("acme");
        await WaitForFetchesAsync(answers, 1);
        cache.Evict("acme");
        var late = cache.GetAsync("acme");
        await WaitForFetchesAsync(answers, 2);
        answers.Dequeue().SetResult("before the change");
        answers.Dequeue().SetResult("after the change");

        Assert.Equal("before the change", await early);
        Assert.Equal("after the change", await late);
        Assert.Equal("after the change", await cache.GetAsync("acme"));
    }

    [Fact]
    public async Task A_failed_fetch_is_not_kept_and_a_value_older_than_the_maximum_age_is_fetched_again()
    {
        var time = new ManualTimestamps();
        var fetches = 0;
        var cache = new NodeCache<string>(_ => ++fetches == 1 ? Task.FromException<string>(new TimeoutException()) : Task.FromResult($"v{fetches}"), MaxAge, time);

        await Assert.ThrowsAsync<TimeoutException>(() => cache.GetAsync("acme"));
        Assert.Equal("v2", await cache.GetAsync("acme"));
        time.Advance(MaxAge - TimeSpan.FromSeconds(1));
        Assert.Equal("v2", await cache.GetAsync("acme"));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("v3", await cache.GetAsync("acme"));
    }

    [Fact]
    public async Task Values_the_cache_is_told_not_to_keep_are_fetched_every_time()
    {
        var fetches = 0;
        var cache = new NodeCache<string?>(_ => Task.FromResult<string?>(++fetches < 3 ? null : "issued"), MaxAge, new ManualTimestamps(), keep: value => value is not null);

        Assert.Null(await cache.GetAsync("hash"));
        Assert.Null(await cache.GetAsync("hash"));
        Assert.Equal("issued", await cache.GetAsync("hash"));
        Assert.Equal("issued", await cache.GetAsync("hash"));
        Assert.Equal(3, fetches);
    }

    private static async Task WaitForFetchesAsync(Queue<TaskCompletionSource<string>> answers, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            lock (answers)
            {
                if (answers.Count >= count)
                {
                    return;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, $"fewer than {count} fetches started");
            await Task.Delay(10);
        }
    }
}
