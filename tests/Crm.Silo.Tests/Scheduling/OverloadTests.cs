using Crm.Silo.Hosting;
using Crm.Silo.Storage;
using Crm.Silo.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;

namespace Crm.Silo.Tests.Scheduling;

/// <summary><c>Silo:MaxQueuedRequestsPerActivation</c> reaches Orleans' per-activation queue limit: callers beyond it are refused at once.</summary>
public sealed class OverloadTests
{
    [Fact]
    public async Task Calls_beyond_the_queue_limit_are_refused_at_once_and_the_accepted_ones_are_served()
    {
        var gate = new Gate();
        await using var silo = await TestSilo.StartAsync(new MemoryStateStorage(), new SiloOptions { MaxQueuedRequestsPerActivation = 10 }, services => services.AddSingleton(gate));
        var grain = silo.Grains.GetGrain<IGateGrain>("busy");
        var blocker = grain.WaitForGate();
        await gate.Waiting.WaitAsync(TimeSpan.FromSeconds(10));

        var calls = Enumerable.Range(0, 50).Select(_ => grain.Increment()).ToArray();
        var outcomes = await Task.WhenAll(calls.Select(call => Record.ExceptionAsync(() => call.WaitAsync(TimeSpan.FromSeconds(2)))));
        gate.Open();
        await blocker;

        // Calls not refused were queued behind the gate: each is served once it opens.
        var refused = outcomes.Count(outcome => outcome is LimitExceededException);
        var served = await Task.WhenAll(calls.Where((_, i) => outcomes[i] is not LimitExceededException));

        Assert.True(refused >= 40, $"{refused} of 50 calls were refused");
        Assert.Equal(50 - refused, served.Length);
        Assert.Equal(served.Length, await grain.Increment() - 1);
    }
}
