using Crm.Grains.Intents;
using Crm.Silo.Storage;

namespace Crm.Grains.ReadModel;

public sealed class CustomerErasureWriter : IStateRowWriter
{
    public Type RowType => typeof(CustomerErasure);

    public IReadOnlyList<string> Schema(SqlDialect dialect) => [];

    public void Write(ISqlBatch batch, SqlDialect dialect, IReadOnlyList<object> rows)
    {
        foreach (CustomerErasure erasure in rows)
        {
            batch.Add("DELETE FROM crm_timeline WHERE workspace = @workspace AND customer_id = @customer", Sql.P("workspace", erasure.Workspace), Sql.P("customer", erasure.CustomerId));
            batch.Add(
                "DELETE FROM crm_duplicate_suggestions WHERE workspace = @workspace AND (customer_id = @customer OR other_customer_id = @customer)",
                Sql.P("workspace", erasure.Workspace), Sql.P("customer", erasure.CustomerId));
            batch.Add("DELETE FROM crm_intent_examples WHERE workspace = @workspace AND customer_id = @customer", Sql.P("workspace", erasure.Workspace), Sql.P("customer", erasure.CustomerId));
        }
    }

    public void Write(MemoryRowStore store, IReadOnlyList<object> rows)
    {
        foreach (CustomerErasure erasure in rows)
        {
            var timeline = store.Table(TimelineRowWriter.MemoryTable);
            foreach (var key in timeline.Keys.Where(key => key.StartsWith($"{erasure.Workspace}/{erasure.CustomerId}/", StringComparison.Ordinal)))
            {
                timeline.TryRemove(key, out _);
            }

            var suggestions = store.Table(DuplicateSuggestionWriter.MemoryTable);
            foreach (var (key, row) in suggestions)
            {
                if (row is DuplicateSuggestionRow suggestion && suggestion.Workspace == erasure.Workspace
                    && (suggestion.CustomerId == erasure.CustomerId || suggestion.OtherCustomerId == erasure.CustomerId))
                {
                    suggestions.TryRemove(key, out _);
                }
            }

            var examples = store.Table(IntentExampleWriter.MemoryTable);
            foreach (var (key, row) in examples)
            {
                if (row is IntentExampleRow example && example.Workspace == erasure.Workspace && example.CustomerId == erasure.CustomerId)
                {
                    examples.TryRemove(key, out _);
                }
            }
        }
    }
}
