namespace Crm.Silo.Storage;

/// <summary>Where one state of one grain is stored: the state type (<c>grainType.stateName</c>) and the grain key. The primary key of the state table.</summary>
public readonly record struct StateKey(string StateType, string Key) : IComparable<StateKey>
{
    public int CompareTo(StateKey other)
    {
        var byType = string.CompareOrdinal(StateType, other.StateType);
        return byType != 0 ? byType : string.CompareOrdinal(Key, other.Key);
    }

    public override string ToString() => $"{StateType}/{Key}";
}
