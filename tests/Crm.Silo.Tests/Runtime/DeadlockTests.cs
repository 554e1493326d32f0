using System.Diagnostics;
using Crm.Silo.Tests.Infrastructure;

namespace Crm.Silo.Tests.Runtime;

public sealed class DeadlockTests
{
    [Fact]
    public async Task A_calls_B_calls_A_fails_at_once_naming_the_chain()
    {
        await using var silo = await TestSilo.StartAsync();
        var a = silo.Grains.GetGrain<IChainGrain>("a");
        var watch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<DeadlockException>(() => a.CallAlong(["b", "a"]));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"took {watch.Elapsed}");
        Assert.Equal(["chain/a", "chain/b", "chain/a"], error.CallChain.Select(id => id.ToString()));
        Assert.Contains("chain/a -> chain/b -> chain/a", error.Message);
        Assert.Equal("a", await a.CallAlong([]));
    }

    [Fact]
    public async Task A_longer_cycle_is_detected_too()
    {
        await using var silo = await TestSilo.StartAsync();

        var error = await Assert.ThrowsAsync<DeadlockException>(() => silo.Grains.GetGrain<IChainGrain>("a").CallAlong(["b", "c", "d", "b"]));

        Assert.Equal(["chain/a", "chain/b", "chain/c", "chain/d", "chain/b"], error.CallChain.Select(id => id.ToString()));
    }

    [Fact]
    public async Task A_reentrant_grain_in_the_cycle_lets_the_call_through()
    {
        await using var silo = await TestSilo.StartAsync();

        var path = await silo.Grains.GetGrain<IReentrantChainGrain>("r").CallAlong(["x", "r"]);

        Assert.Equal("r>x>r", path);
    }

    [Fact]
    public async Task A_grain_may_call_itself_through_an_always_interleave_method()
    {
        await using var silo = await TestSilo.StartAsync();

        Assert.Equal("a", await silo.Grains.GetGrain<IChainGrain>("a").AskSelfName());
    }

    [Fact]
    public async Task A_call_back_after_the_caller_finished_is_not_a_deadlock()
    {
        await using var silo = await TestSilo.StartAsync();
        var a = silo.Grains.GetGrain<IChainGrain>("a");

        var probe = silo.Service<Probe>();

        await a.CallLater("b");

        await Eventually.Until(() => probe.Events.Contains("a answered b"));
        Assert.Equal("a", await a.CallAlong([]));
    }
}

public interface IChainGrain : IGrainWithStringKey
{
    /// <summary>Calls the next grain in <paramref name="path"/> (a chain grain, or a reentrant one when prefixed "r"), which calls the next, and so on.</summary>
    Task<string> CallAlong(string[] path);

    Task<string> AskSelfName();

    [AlwaysInterleave]
    Task<string> Name();

    /// <summary>Starts a call to <paramref name="key"/> that calls back to this grain a little later, without waiting for it.</summary>
    Task CallLater(string key);

    Task<string> CallAlongAfterPause(string[] path);

    Task<string> Answer();
}

public sealed class ChainGrain(Probe probe) : Grain, IChainGrain
{
    public async Task<string> CallAlong(string[] path)
    {
        if (path.Length == 0)
        {
            return GetPrimaryKeyString();
        }


        return $"{GetPrimaryKeyString()}>{await ChainPath.CallNext(GrainFactory, path)}";
    }

    public Task<string> AskSelfName() => GrainFactory.GetGrain<IChainGrain>(GetPrimaryKeyString()).Name();

    public Task<string> Name() => Task.FromResult(GetPrimaryKeyString());

    public Task CallLater(string key)
    {
        _ = GrainFactory.GetGrain<IChainGrain>(key).CallAlongAfterPause([GetPrimaryKeyString()]);
        return Task.CompletedTask;
    }

    public async Task<string> CallAlongAfterPause(string[] path)
    {
        await Task.Delay(50);
        var answer = await GrainFactory.GetGrain<IChainGrain>(path[0]).Answer();
        probe.Events.Enqueue($"{answer} answered {GetPrimaryKeyString()}");
        return answer;
    }

    public Task<string> Answer() => Task.FromResult(GetPrimaryKeyString());
}

internal static class ChainPath
{
    /// <summary>Calls the first grain of the path with the rest of it; keys starting with "r" name reentrant grains.</summary>
    public static Task<string> CallNext(IGrainFactory grains, string[] path) => path[0].StartsWith('r')
        ? grains.GetGrain<IReentrantChainGrain>(path[0]).CallAlong(path[1..])
        : grains.GetGrain<IChainGrain>(path[0]).CallAlong(path[1..]);
}

public interface IReentrantChainGrain : IGrainWithStringKey
{
    Task<string> CallAlong(string[] path);
}

[Reentrant]
public sealed class ReentrantChainGrain : Grain, IReentrantChainGrain
{
    public async Task<string> CallAlong(string[] path)
    {
        if (path.Length == 0)
        {
            return GetPrimaryKeyString();
        }

        return $"{GetPrimaryKeyString()}>{await ChainPath.CallNext(GrainFactory, path)}";
    }
}
