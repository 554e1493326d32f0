using Crm.Silo.Tests.Infrastructure;

namespace Crm.Silo.Tests.Runtime;

public sealed class SchedulingTests
{
    private const int Calls = 200;

    [Fact]
    public async Task A_non_reentrant_grain_never_runs_two_requests_at_once()
    {
        await using var silo = await TestSilo.StartAsync();
        var probe = silo.Service<Probe>();
        var grain = silo.Grains.GetGrain<ISlowGrain>("exclusive");

        await Task.WhenAll(Enumerable.Range(0, Calls).Select(_ => Task.Run(() => grain.Work())));

        Assert.Equal(1, probe.MaxInFlight);
        Assert.Equal(1, probe.MaxExecuting);
        Assert.Equal(Calls, await grain.Count());
    }

    [Fact]
    public async Task A_reentrant_grain_interleaves_requests_but_never_runs_them_in_parallel()
    {
        await using var silo = await TestSilo.StartAsync();
        var probe = silo.Service<Probe>();
        var grain = silo.Grains.GetGrain<IReentrantSlowGrain>("reentrant");

        await Task.WhenAll(Enumerable.Range(0, Calls).Select(_ => Task.Run(() => grain.Work())));

        Assert.True(probe.MaxInFlight > 1, $"requests never interleaved (max in flight {probe.MaxInFlight})");
        Assert.Equal(1, probe.MaxExecuting);
        Assert.Equal(Calls, await grain.Count());
    }

    [Fact]
    public async Task An_always_interleave_method_interleaves_on_a_non_reentrant_grain()
    {
        await using var silo = await TestSilo.StartAsync();
        var probe = silo.Service<Probe>();
        var grain = silo.Grains.GetGrain<ISlowGrain>("interleaving");

        await Task.WhenAll(Enumerable.Range(0, Calls).Select(_ => Task.Run(() => grain.InterleavedWork())));

        Assert.True(probe.MaxInFlight > 1, $"requests never interleaved (max in flight {probe.MaxInFlight})");
        Assert.Equal(1, probe.MaxExecuting);
    }

    [Fact]
    public async Task Read_only_requests_interleave_with_each_other_but_not_with_writes()
    {
        await using var silo = await TestSilo.StartAsync();
        var probe = silo.Service<Probe>();
        var grain = silo.Grains.GetGrain<ISlowGrain>("reads");

        await Task.WhenAll(Enumerable.Range(0, Calls).Select(i => Task.Run(() => i % 4 == 0 ? grain.Write() : grain.Read())));

        Assert.True(probe.MaxInFlight > 1, $"read-only requests never interleaved (max in flight {probe.MaxInFlight})");
        Assert.Equal(1, probe.MaxExecuting);
        Assert.False(await grain.WriteOverlappedAnything());
    }

    [Fact]
    public async Task Requests_to_one_grain_start_in_the_order_they_were_sent()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grains.GetGrain<ISlowGrain>("ordered");

        var sends = Enumerable.Range(0, 100).Select(grain.Append).ToArray();
        await Task.WhenAll(sends);

        Assert.Equal(Enumerable.Range(0, 100), await grain.Appended());
    }
}

public interface ISlowGrain : IGrainWithStringKey
{
    Task Work();

    [AlwaysInterleave]
    Task InterleavedWork();

    [ReadOnly]
    Task Read();

    Task Write();

    Task<bool> WriteOverlappedAnything();

    Task<int> Count();

    Task Append(int value);

    [ReadOnly]
    Task<List<int>> Appended();
}

public sealed class SlowGrain(Probe probe) : Grain, ISlowGrain
{
    private readonly List<int> _appended = [];
    private int _count;
    private int _readers;
    private bool _writing;
    private bool _writeOverlapped;

    public Task Work() => Measured(() => _count++);

    public Task InterleavedWork() => Measured(() => { });

    public async Task Read()
    {
        _writeOverlapped |= _writing;
        _readers++;
        await Measured(() => { });
        _readers--;
    }

    public async Task Write()
    {
        _writing = true;
        _writeOverlapped |= _readers > 0;
        await Task.Delay(1);
        _writeOverlapped |= _readers > 0;
        _writing = false;
    }

    public Task<bool> WriteOverlappedAnything() => Task.FromResult(_writeOverlapped);

    public Task<int> Count() => Task.FromResult(_count);

    public async Task Append(int value)
    {
        _appended.Add(value);
        await Task.Yield();
    }

    public Task<List<int>> Appended() => Task.FromResult(_appended.ToList());

    private async Task Measured(Action work)
    {
        probe.Enter();
        try
        {
            probe.Execute(work);
            await Task.Delay(1);
            probe.Execute(() => { });
            await Task.Yield();
            probe.Execute(() => { });
        }
        finally
        {
            probe.Exit();
        }
    }
}

public interface IReentrantSlowGrain : IGrainWithStringKey
{
    Task Work();

    Task<int> Count();
}

[Reentrant]
public sealed class ReentrantSlowGrain(Probe probe) : Grain, IReentrantSlowGrain
{
    private int _count;

    public async Task Work()
    {
        probe.Enter();
        try
        {
            probe.Execute(() => _count++);
            await Task.Delay(1);
            probe.Execute(() => { });
            await Task.Yield();
            probe.Execute(() => { });
        }
        finally
        {
            probe.Exit();
        }
    }

    public Task<int> Count() => Task.FromResult(_count);
}
