using Crm.Silo.Tests.Infrastructure;

namespace Crm.Silo.Tests.Runtime;

public sealed class OverloadAndTimeoutTests
{
    [Fact]
    public async Task A_full_queue_rejects_calls_at_once_and_serves_the_accepted_ones()
    {
        await using var silo = await TestSilo.StartAsync(options => options.MaxQueuedRequestsPerActivation = 10);
        var grain = silo.Grains.GetGrain<IGateGrain>("busy");
        var blocker = grain.WaitForGate();
        await Eventually.Until(async () => await silo.Grains.GetGrain<IGateGrain>("observer").Ping() && silo.Service<Probe>().Events.Contains("busy waiting"));

        var calls = Enumerable.Range(0, 50).Select(_ => grain.Increment()).ToArray();
        var rejected = calls.Where(call => call.IsFaulted).ToArray();
        grain.OpenGate();
        await blocker;
        var accepted = calls.Where(call => !call.IsFaulted).ToArray();
        await Task.WhenAll(accepted);

        Assert.Equal(40, rejected.Length);
        var overload = Assert.IsType<GrainOverloadedException>(rejected[0].Exception!.InnerException);
        Assert.Contains("gate/busy", overload.Message);
        Assert.Equal(10, await grain.Count());
    }

    [Fact]
    public async Task A_call_that_never_gets_an_answer_times_out()
    {
        await using var silo = await TestSilo.StartAsync(options =>
        {
            options.ResponseTimeout = TimeSpan.FromMilliseconds(300);
            options.CollectionQuantum = TimeSpan.FromMilliseconds(50);
        });
        var grain = silo.Grains.GetGrain<IGateGrain>("stuck");

        var error = await Assert.ThrowsAsync<GrainResponseTimeoutException>(() => grain.WaitForGate());

        Assert.Contains("gate/stuck.WaitForGate", error.Message);
        grain.OpenGate();
    }
}

public interface IGateGrain : IGrainWithStringKey
{
    Task WaitForGate();

    Task Increment();

    Task<int> Count();

    Task<bool> Ping();
}

public sealed class GateGrain(Probe probe) : Grain, IGateGrain
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, TaskCompletionSource> Gates = new();
    private int _count;

    public async Task WaitForGate()
    {
        probe.Events.Enqueue($"{GetPrimaryKeyString()} waiting");
        await Gates.GetOrAdd(GetPrimaryKeyString(), _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
    }

    public Task Increment()
    {
        _count++;
        return Task.CompletedTask;
    }

    public Task<int> Count() => Task.FromResult(_count);

    public Task<bool> Ping() => Task.FromResult(true);

    public static void Open(string key) =>
        Gates.GetOrAdd(key, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}

internal static class GateGrainExtensions
{
    public static void OpenGate(this IGateGrain grain) => GateGrain.Open(((Crm.Silo.Runtime.GrainReference)(object)grain).GrainId.Key);
}
