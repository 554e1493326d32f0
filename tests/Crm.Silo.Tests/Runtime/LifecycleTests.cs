using Crm.Silo.Tests.Infrastructure;

namespace Crm.Silo.Tests.Runtime;

[Collection(RunsAlone.Name)]
public sealed class LifecycleTests
{
    private static Action<Crm.Silo.Hosting.SiloOptions> FastCollection => options => options.CollectionQuantum = TimeSpan.FromMilliseconds(50);

    [Fact]
    public async Task An_idle_grain_is_collected_after_its_age_and_its_state_survives_reactivation()
    {
        await using var silo = await TestSilo.StartAsync(FastCollection);
        var probe = silo.Service<Probe>();
        var grain = silo.Grains.GetGrain<ICounterGrain>("idle");

        await grain.Add(5);
        await Eventually.Until(() => probe.Deactivations.ContainsKey("idle"));
        var afterReactivation = await grain.Get();

        Assert.Equal(DeactivationReason.IdleCollection.ToString(), probe.Events.First(e => e.StartsWith("deactivated idle")).Split(' ')[2]);
        Assert.Equal(5, afterReactivation);
        Assert.Equal(2, probe.Activations["idle"]);
    }

    [Fact]
    public async Task A_grain_in_use_is_not_collected()
    {
        await using var silo = await TestSilo.StartAsync(FastCollection);
        var probe = silo.Service<Probe>();
        var grain = silo.Grains.GetGrain<ICounterGrain>("busy");

        var until = DateTime.UtcNow.AddMilliseconds(800);
        while (DateTime.UtcNow < until)
        {
            await grain.Add(1);
            await Task.Delay(20);
        }

        Assert.False(probe.Deactivations.ContainsKey("busy"), string.Join(", ", probe.Events));
    }

    [Fact]
    public async Task A_timer_without_keep_alive_does_not_keep_its_grain_alive_but_one_with_it_does()
    {
        await using var silo = await TestSilo.StartAsync(FastCollection);
        var probe = silo.Service<Probe>();

        await silo.Grains.GetGrain<ICounterGrain>("plain-timer").StartTimer(keepAlive: false);
        await silo.Grains.GetGrain<ICounterGrain>("keep-alive-timer").StartTimer(keepAlive: true);
        await Eventually.Until(() => probe.Deactivations.ContainsKey("plain-timer"));
        var keptAliveTicks = probe.Events.Count(e => e == "tick keep-alive-timer");

        Assert.True(probe.Events.Count(e => e == "tick plain-timer") > 0, "the plain timer never ticked");
        Assert.True(keptAliveTicks > 0);
        Assert.False(probe.Deactivations.ContainsKey("keep-alive-timer"), string.Join(", ", probe.Events.Where(e => !e.StartsWith("tick"))));
    }

    [Fact]
    public async Task Timer_ticks_never_overlap_each_other_or_requests()
    {
        await using var silo = await TestSilo.StartAsync();
        var probe = silo.Service<Probe>();
        var grain = silo.Grains.GetGrain<ICounterGrain>("slow-timer");

        await grain.StartTimer(keepAlive: true, tickDuration: TimeSpan.FromMilliseconds(30));
        for (var i = 0; i < 20; i++)
        {
            await grain.Add(1);
            await Task.Delay(10);
        }

        await Eventually.Until(() => probe.Events.Count(e => e == "tick slow-timer") >= 5);
        Assert.Equal(1, probe.MaxInFlight);
        Assert.Equal(1, probe.MaxExecuting);
    }

    [Fact]
    public async Task Deactivate_on_idle_deactivates_after_the_current_request_and_later_calls_reactivate()
    {
        await using var silo = await TestSilo.StartAsync();
        var probe = silo.Service<Probe>();
        var grain = silo.Grains.GetGrain<ICounterGrain>("leaving");

        await grain.Add(3);
        await grain.Leave();
        var value = await grain.Get();

        Assert.Equal(3, value);
        Assert.Equal(2, probe.Activations["leaving"]);
        Assert.Equal(1, probe.Deactivations["leaving"]);
    }

    [Fact]
    public async Task A_graceful_stop_deactivates_everything_and_stores_every_queued_write()
    {
        var storage = new Crm.Silo.Storage.MemoryStateStorage();
        await using (var silo = await TestSilo.StartAsync(options => options.UseStorage(storage)))
        {
            await Task.WhenAll(Enumerable.Range(0, 100).Select(i => silo.Grains.GetGrain<ICounterGrain>($"c{i}").AddWithoutSaving(i)));
            await silo.StopAsync();
            Assert.Equal(0, silo.Runtime.ActivationCount);
        }

        await using var restarted = await TestSilo.StartAsync(options => options.UseStorage(_ => new Crm.Silo.Storage.MemoryStateStorage(storage.Store)));
        var values = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => restarted.Grains.GetGrain<ICounterGrain>($"c{i}").Get()));
        Assert.Equal(Enumerable.Range(0, 100), values);
    }
}

public interface ICounterGrain : IGrainWithStringKey
{
    Task Add(int amount);

    /// <summary>Changes the state and leaves saving to deactivation.</summary>
    Task AddWithoutSaving(int amount);

    Task<int> Get();

    Task StartTimer(bool keepAlive, TimeSpan tickDuration = default);

    Task Leave();
}

[CollectionAgeLimit(Seconds = 0.5)]
public sealed class CounterGrain(Probe probe, [PersistentState("counter")] IPersistentState<CounterState> counter) : Grain, ICounterGrain
{
    private bool _dirty;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Activations.AddOrUpdate(GetPrimaryKeyString(), 1, (_, count) => count + 1);
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_dirty)
        {
            await counter.WriteStateAsync();
        }

        probe.Deactivations.AddOrUpdate(GetPrimaryKeyString(), 1, (_, count) => count + 1);
        probe.Events.Enqueue($"deactivated {GetPrimaryKeyString()} {reason}");
    }

    public async Task Add(int amount)
    {
        probe.Enter();
        probe.Execute(() => counter.State.Value += amount);
        await counter.WriteStateAsync();
        probe.Exit();
    }

    public Task AddWithoutSaving(int amount)
    {
        counter.State.Value += amount;
        _dirty = true;
        return Task.CompletedTask;
    }

    public Task<int> Get() => Task.FromResult(counter.State.Value);

    public Task StartTimer(bool keepAlive, TimeSpan tickDuration = default)
    {
        RegisterGrainTimer(
            async _ =>
            {
                probe.Enter();
                probe.Execute(() => probe.Events.Enqueue($"tick {GetPrimaryKeyString()}"));
                await Task.Delay(tickDuration);
                probe.Exit();
            },
            new GrainTimerOptions { DueTime = TimeSpan.FromMilliseconds(20), Period = TimeSpan.FromMilliseconds(20), KeepAlive = keepAlive });
        return Task.CompletedTask;
    }

    public Task Leave()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
