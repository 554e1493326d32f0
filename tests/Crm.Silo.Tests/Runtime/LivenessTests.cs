using System.Diagnostics;
using Crm.Silo.Tests.Infrastructure;

namespace Crm.Silo.Tests.Runtime;

public sealed class LivenessTests
{
    private static Action<Crm.Silo.Hosting.SiloOptions> ShortTimeout => options =>
    {
        options.ResponseTimeout = TimeSpan.FromSeconds(2);
        options.CollectionQuantum = TimeSpan.FromMilliseconds(100);
    };

    [Fact]
    public async Task A_call_the_running_turn_waits_for_is_not_parked_behind_a_requested_deactivation()
    {
        await using var silo = await TestSilo.StartAsync(ShortTimeout);
        var watch = Stopwatch.StartNew();

        // The turn asks for deactivation, then waits on an [AlwaysInterleave] call to itself: that call must not wait
        // for the deactivation, which waits for the turn.
        var name = await silo.Grains.GetGrain<ILivenessGrain>("self").DeactivateThenAskSelf();

        Assert.Equal("self", name);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task A_read_only_call_back_is_not_parked_behind_a_waiting_writer()
    {
        await using var silo = await TestSilo.StartAsync(ShortTimeout);
        var grain = silo.Grains.GetGrain<ILivenessGrain>("reader");
        var watch = Stopwatch.StartNew();

        // [ReadOnly] ReadViaOther -> other grain (waits 100 ms) -> [ReadOnly] Peek on this grain. A writer arriving
        // meanwhile waits for the reader; Peek must not queue behind that writer.
        var read = grain.ReadViaOther("other");
        await Eventually.Until(() => silo.Service<Probe>().Events.Contains("other pausing"));
        var write = grain.Write();
        var peeked = await read;
        await write;

        Assert.Equal("reader", peeked);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task A_call_waiting_in_a_long_queue_past_the_response_timeout_times_out()
    {
        await using var silo = await TestSilo.StartAsync(options =>
        {
            options.ResponseTimeout = TimeSpan.FromMilliseconds(300);
            options.CollectionQuantum = TimeSpan.FromMilliseconds(50);
        });
        var grain = silo.Grains.GetGrain<ILivenessGrain>("queue");

        // 40 turns of 50 ms: no single turn is overdue, but the last callers would wait about 2 s in the queue.
        var calls = Enumerable.Range(0, 40).Select(_ => grain.Pause(50)).ToArray();
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(calls.Select(call => call.ContinueWith(_ => { })));

        Assert.Contains(calls, call => call.Exception?.InnerException is GrainResponseTimeoutException);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1.5), $"waiting callers were released only after {watch.Elapsed}");
    }
}

public interface ILivenessGrain : IGrainWithStringKey
{
    Task<string> DeactivateThenAskSelf();

    [AlwaysInterleave]
    Task<string> Name();

    [ReadOnly]
    Task<string> ReadViaOther(string other);

    [ReadOnly]
    Task<string> PeekAfterPause(string target);

    [ReadOnly]
    Task<string> Peek();

    Task Write();

    Task Pause(int milliseconds);
}

public sealed class LivenessGrain(Probe probe) : Grain, ILivenessGrain
{
    public Task<string> DeactivateThenAskSelf()
    {
        DeactivateOnIdle();
        return GrainFactory.GetGrain<ILivenessGrain>(GetPrimaryKeyString()).Name();
    }

    public Task<string> Name() => Task.FromResult(GetPrimaryKeyString());

    public Task<string> ReadViaOther(string other) => GrainFactory.GetGrain<ILivenessGrain>(other).PeekAfterPause(GetPrimaryKeyString());

    public async Task<string> PeekAfterPause(string target)
    {
        probe.Events.Enqueue($"{GetPrimaryKeyString()} pausing");
        await Task.Delay(100);
        return await GrainFactory.GetGrain<ILivenessGrain>(target).Peek();
    }

    public Task<string> Peek() => Task.FromResult(GetPrimaryKeyString());

    public Task Write() => Task.CompletedTask;

    public Task Pause(int milliseconds) => Task.Delay(milliseconds);
}

public sealed class ShutdownLivenessTests
{
    [Fact]
    public async Task Stop_does_not_hang_on_a_reentrant_call_back_in_flight()
    {
        await using var silo = await TestSilo.StartAsync(options => options.ShutdownTimeout = TimeSpan.FromSeconds(3));
        var call = silo.Grains.GetGrain<IReentrantCallerGrain>("r").ViaOther("x");
        await Eventually.Until(() => silo.Service<Probe>().Events.Contains("x pausing"));
        var watch = Stopwatch.StartNew();

        await silo.StopAsync();

        Assert.True(call.IsCompleted, "the in-flight call never completed");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"stop took {watch.Elapsed}");
    }
}

public interface IReentrantCallerGrain : IGrainWithStringKey
{
    Task<string> ViaOther(string other);

    Task<string> Name();
}

[Reentrant]
public sealed class ReentrantCallerGrain : Grain, IReentrantCallerGrain
{
    public Task<string> ViaOther(string other) => GrainFactory.GetGrain<ICallBackGrain>(other).CallBackAfterPause(GetPrimaryKeyString());

    public Task<string> Name() => Task.FromResult(GetPrimaryKeyString());
}

public interface ICallBackGrain : IGrainWithStringKey
{
    Task<string> CallBackAfterPause(string target);
}

public sealed class CallBackGrain(Probe probe) : Grain, ICallBackGrain
{
    public async Task<string> CallBackAfterPause(string target)
    {
        probe.Events.Enqueue($"{GetPrimaryKeyString()} pausing");
        await Task.Delay(200);
        return await GrainFactory.GetGrain<IReentrantCallerGrain>(target).Name();
    }
}
