using Crm.Silo;

namespace Crm.Bench.Runtime;

public interface INoopGrain : IGrainWithStringKey
{
    Task Noop();
}

public sealed class NoopGrain : Grain, INoopGrain
{
    public Task Noop() => Task.CompletedTask;
}

public sealed class SmallState
{
    public int Value { get; set; }
}

public interface ISmallStateGrain : IGrainWithStringKey
{
    Task<int> Touch();
}

public sealed class SmallStateGrain([PersistentState("small")] IPersistentState<SmallState> state) : Grain, ISmallStateGrain
{
    public Task<int> Touch() => Task.FromResult(++state.State.Value);
}

[System.Text.Json.Serialization.JsonSerializable(typeof(SmallState))]
internal sealed partial class BenchJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
