using Crm.Grains.ReadModel;
using Crm.Silo.Storage;

namespace Crm.Grains.Intents;

/// <summary>
/// Stores the messages agents' corrections labelled, in the customer's commit, and keeps the newest
/// <see cref="MaxExamplesPerWorkspace"/> of each workspace, so what a retraining reads and holds stays bounded. Also
/// creates the table the workspace's trained models are kept in (<see cref="SqlWorkspaceIntentData"/>).
/// </summary>
public sealed class IntentExampleWriter : IStateRowWriter
{
    public const string MemoryTable = "intent-examples";
    public const string MemoryModelTable = "intent-models";

    /// <summary>Enough for a workspace's agents to teach many phrasings; a retraining reads at most these on top of the shipped examples.</summary>
    public const int MaxExamplesPerWorkspace = 2000;

    public Type RowType => typeof(IntentExampleRow);

    public IReadOnlyList<string> Schema(SqlDialect dialect) => dialect == SqlDialect.Postgres
        ?
        [
            """
            CREATE TABLE IF NOT EXISTS crm_intent_examples (
                workspace text NOT NULL, example_id text NOT NULL, customer_id text NOT NULL, message_at timestamptz NOT NULL,
                text text NOT NULL, intent text NOT NULL, actor text NOT NULL, corrected_at timestamptz NOT NULL,
                PRIMARY KEY (workspace, example_id))
            """,
            "CREATE INDEX IF NOT EXISTS crm_intent_examples_newest ON crm_intent_examples (workspace, corrected_at DESC, example_id DESC)",
            """
            CREATE TABLE IF NOT EXISTS crm_intent_models (
                workspace text NOT NULL, version integer NOT NULL, trained_at timestamptz NOT NULL, payload bytea NOT NULL,
                PRIMARY KEY (workspace, version))
            """,
        ]
        :
        [
            """
            CREATE TABLE IF NOT EXISTS crm_intent_examples (
                workspace TEXT NOT NULL, example_id TEXT NOT NULL, customer_id TEXT NOT NULL, message_at INTEGER NOT NULL,
                text TEXT NOT NULL, intent TEXT NOT NULL, actor TEXT NOT NULL, corrected_at INTEGER NOT NULL,
                PRIMARY KEY (workspace, example_id)) WITHOUT ROWID
            """,
            "CREATE INDEX IF NOT EXISTS crm_intent_examples_newest ON crm_intent_examples (workspace, corrected_at DESC, example_id DESC)",
            """
            CREATE TABLE IF NOT EXISTS crm_intent_models (
                workspace TEXT NOT NULL, version INTEGER NOT NULL, trained_at INTEGER NOT NULL, payload BLOB NOT NULL,
                PRIMARY KEY (workspace, version)) WITHOUT ROWID
            """,
        ];

    public void Write(ISqlBatch batch, SqlDialect dialect, IReadOnlyList<object> rows)
    {
        var examples = rows.Cast<IntentExampleRow>().ToArray();
        foreach (var row in examples)
        {
            batch.Add(
                """
                INSERT INTO crm_intent_examples (workspace, example_id, customer_id, message_at, text, intent, actor, corrected_at)
                VALUES (@workspace, @example, @customer, @message_at, @text, @intent, @actor, @corrected_at)
                ON CONFLICT (workspace, example_id) DO UPDATE SET intent = excluded.intent, actor = excluded.actor, corrected_at = excluded.corrected_at
                """,
                Sql.P("workspace", row.Workspace), Sql.P("example", row.ExampleId), Sql.P("customer", row.CustomerId),
                Sql.P("message_at", Instant(dialect, row.MessageAt)), Sql.P("text", row.Text), Sql.P("intent", row.Intent.Label()),
                Sql.P("actor", row.Actor), Sql.P("corrected_at", Instant(dialect, row.CorrectedAt)));
        }

        foreach (var workspace in examples.Select(row => row.Workspace).Distinct(StringComparer.Ordinal))
        {
            batch.Add(
                $"""
                DELETE FROM crm_intent_examples WHERE workspace = @workspace AND example_id IN (
                    SELECT example_id FROM crm_intent_examples WHERE workspace = @workspace
                    ORDER BY corrected_at DESC, example_id DESC {(dialect == SqlDialect.Postgres ? "LIMIT ALL" : "LIMIT -1")} OFFSET @keep)
                """,
                Sql.P("workspace", workspace), Sql.P("keep", MaxExamplesPerWorkspace));
        }
    }

    public void Write(MemoryRowStore store, IReadOnlyList<object> rows)
    {
        var table = store.Table(MemoryTable);
        var examples = rows.Cast<IntentExampleRow>().ToArray();
        foreach (var row in examples)
        {
            table[MemoryKey(row.Workspace, row.ExampleId)] = row;
        }

        foreach (var workspace in examples.Select(row => row.Workspace).Distinct(StringComparer.Ordinal))
        {
            var beyond = table.Values.OfType<IntentExampleRow>().Where(row => row.Workspace == workspace)
                .OrderByDescending(row => row.CorrectedAt).ThenByDescending(row => row.ExampleId, StringComparer.Ordinal).Skip(MaxExamplesPerWorkspace);
            foreach (var row in beyond.ToArray())
            {
                table.TryRemove(MemoryKey(row.Workspace, row.ExampleId), out _);
            }
        }
    }

    public static string MemoryKey(string workspace, string exampleId) => $"{workspace}\u001f{exampleId}";

    private static object Instant(SqlDialect dialect, DateTimeOffset at) =>
        dialect == SqlDialect.Postgres ? SqlValues.Utc(at) : SqlValues.Milliseconds(at)!;
}
