namespace Crm.Silo.Storage;

/// <summary>Groups the rows of the stored writes by type, in write order, and hands each group to its writer.</summary>
internal static class RowBatches
{
    public static void Apply(IReadOnlyList<IStateRowWriter> writers, IEnumerable<StateWrite> stored, Action<IStateRowWriter, IReadOnlyList<object>> write)
    {
        Dictionary<Type, List<object>>? byType = null;
        foreach (var stateWrite in stored)
        {
            foreach (var row in stateWrite.Rows)
            {
                byType ??= [];
                var type = row.GetType();
                if (!byType.TryGetValue(type, out var rows))
                {
                    byType[type] = rows = [];
                }

                rows.Add(row);
            }
        }

        if (byType is null)
        {
            return;
        }

        foreach (var (type, rows) in byType)
        {
            var writer = writers.FirstOrDefault(candidate => candidate.RowType == type)
                ?? throw new InvalidOperationException($"No IStateRowWriter is registered for rows of type {type.Name}.");
            write(writer, rows);
        }
    }
}
