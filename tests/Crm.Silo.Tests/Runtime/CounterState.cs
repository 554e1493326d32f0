namespace Crm.Silo.Tests.Runtime;

public sealed class CounterState
{
    public int Value { get; set; }

    public List<string> Log { get; set; } = [];
}
