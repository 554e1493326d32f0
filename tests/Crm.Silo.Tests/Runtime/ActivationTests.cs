using Crm.Silo.Tests.Infrastructure;

namespace Crm.Silo.Tests.Runtime;

public sealed class ActivationTests
{
    [Fact]
    public async Task A_thousand_concurrent_first_calls_activate_the_grain_once()
    {
        await using var silo = await TestSilo.StartAsync();
        var probe = silo.Service<Probe>();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var calls = Enumerable.Range(0, 1000).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return await silo.Grains.GetGrain<IEchoGrain>("one").Echo(i);
        })).ToArray();
        start.SetResult();
        var results = await Task.WhenAll(calls);

        Assert.Equal(Enumerable.Range(0, 1000), results);
        Assert.Equal(1, probe.Activations["one"]);
        Assert.Equal(1, silo.Runtime.ActivationCount);
    }

    [Fact]
    public async Task Different_keys_get_different_activations()
    {
        await using var silo = await TestSilo.StartAsync();
        var probe = silo.Service<Probe>();

        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => silo.Grains.GetGrain<IEchoGrain>($"key-{i}").Echo(i)));

        Assert.Equal(50, probe.Activations.Count);
        Assert.All(probe.Activations.Values, count => Assert.Equal(1, count));
        Assert.Equal("key-7", await silo.Grains.GetGrain<IEchoGrain>("key-7").Key());
    }

    [Fact]
    public async Task An_exception_reaches_the_caller_with_its_type_and_message_and_the_activation_keeps_serving()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grains.GetGrain<IEchoGrain>("faulty");

        var sync = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => grain.Fail("thrown before any await"));
        var async = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.FailAfterAwait("thrown after an await"));

        Assert.Contains("thrown before any await", sync.Message);
        Assert.Equal("thrown after an await", async.Message);
        Assert.Equal(42, await grain.Echo(42));
        Assert.Equal(1, silo.Service<Probe>().Activations["faulty"]);
    }

    [Fact]
    public async Task All_four_return_shapes_work()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grains.GetGrain<IEchoGrain>("shapes");

        await grain.DoTask();
        await grain.DoValueTask();

        Assert.Equal(5, await grain.EchoValueTask(5));
        Assert.Equal(6, await grain.Echo(6));
    }

    [Fact]
    public async Task A_failing_activation_fails_its_calls_and_the_next_call_activates_afresh()
    {
        await using var silo = await TestSilo.StartAsync();
        var probe = silo.Service<Probe>();
        var grain = silo.Grains.GetGrain<IFlakyActivationGrain>("flaky");

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.Ping());

        Assert.Equal("activation 1 refused", failure.Message);
        Assert.Equal(2, await grain.Ping());
    }

    [Fact]
    public async Task Unknown_grain_interfaces_are_refused_with_what_to_register()
    {
        await using var silo = await TestSilo.StartAsync();

        var error = Assert.Throws<InvalidOperationException>(() => silo.Grains.GetGrain<IUnregisteredGrain>("x"));

        Assert.Contains("AddGrain", error.Message);
    }
}

public interface IEchoGrain : IGrainWithStringKey
{
    Task<int> Echo(int value);

    ValueTask<int> EchoValueTask(int value);

    Task DoTask();

    ValueTask DoValueTask();

    Task<string> Key();

    Task Fail(string message);

    Task FailAfterAwait(string message);
}

public sealed class EchoGrain(Probe probe) : Grain, IEchoGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Activations.AddOrUpdate(GetPrimaryKeyString(), 1, (_, count) => count + 1);
        return Task.CompletedTask;
    }

    public Task<int> Echo(int value) => Task.FromResult(value);

    public ValueTask<int> EchoValueTask(int value) => ValueTask.FromResult(value);

    public async Task DoTask() => await Task.Yield();

    public async ValueTask DoValueTask() => await Task.Yield();

    public Task<string> Key() => Task.FromResult(GetPrimaryKeyString());

    public Task Fail(string message) => throw new ArgumentOutOfRangeException(nameof(message), message);

    public async Task FailAfterAwait(string message)
    {
        await Task.Yield();
        throw new InvalidOperationException(message);
    }
}

public interface IUnregisteredGrain : IGrainWithStringKey
{
    Task Nothing();
}

public interface IFlakyActivationGrain : IGrainWithStringKey
{
    Task<int> Ping();
}

public sealed class FlakyActivationGrain(Probe probe) : Grain, IFlakyActivationGrain
{
    private int _activation;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await Task.Yield();
        _activation = probe.Activations.AddOrUpdate(GetPrimaryKeyString(), 1, (_, count) => count + 1);
        if (_activation == 1)
        {
            throw new InvalidOperationException("activation 1 refused");
        }
    }

    public Task<int> Ping() => Task.FromResult(_activation);
}
