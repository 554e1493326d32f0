using Crm.Silo.Storage;
using Crm.Silo.Tests.Infrastructure;
using Orleans.Storage;

namespace Crm.Silo.Tests.Storage;

/// <summary>
/// Two silos of separate clusters over one store, as two processes sharing a database: the same grain is active in both,
/// and optimistic concurrency must turn the loser's write into an exception and a reload, never a silent overwrite.
/// </summary>
public abstract class StateConflictTests
{
    /// <summary>A new provider instance over the store the other silo uses.</summary>
    protected abstract IStateStorage CreateInstance();

    [Fact]
    public async Task A_silo_writing_over_a_newer_version_throws_then_reloads_the_other_silos_value_and_writes_on_from_it()
    {
        await using var first = await TestSilo.StartAsync(CreateInstance());
        await using var second = await TestSilo.StartAsync(CreateInstance());
        var key = Guid.NewGuid().ToString("N");
        var stateKey = new StateKey("stamp.stamp", key);
        var inFirst = first.Grains.GetGrain<IStampGrain>(key);
        var inSecond = second.Grains.GetGrain<IStampGrain>(key);
        await inFirst.Set("from first");
        Assert.Equal("from first", await inSecond.Get());

        await inSecond.Set("from second");
        var conflict = await Record.ExceptionAsync(() => inFirst.Set("lost"));
        var storedAfterConflict = await first.Storage.ReadAsync(stateKey, CancellationToken.None);
        var seenByFirst = await inFirst.Get();
        await inFirst.Set("from first again");

        Assert.IsType<InconsistentStateException>(conflict);
        Assert.Equal(new StoredState(2, """{"value":"from second"}"""), storedAfterConflict);
        Assert.Equal("from second", seenByFirst);
        Assert.Equal(2, first.Service<Probe>().Activations[key]);
        Assert.Equal(new StoredState(3, """{"value":"from first again"}"""), await second.Storage.ReadAsync(stateKey, CancellationToken.None));
    }
}
