using Crm.Grains.ReadModel;
using Crm.Silo.Storage;

namespace Crm.Grains.Intents;

/// <summary>The workspace's examples and trained models in PostgreSQL or SQLite (tables <c>crm_intent_examples</c> and <c>crm_intent_models</c>).</summary>
public sealed class SqlWorkspaceIntentData(SqlReader reader, SqlDialect dialect) : IWorkspaceIntentData
{
    public async Task<IReadOnlyList<LabelledMessage>> ExamplesAsync(string workspace, int limit, CancellationToken cancellationToken) =>
        await reader.QueryAsync(
            "SELECT text, intent FROM crm_intent_examples WHERE workspace = @workspace ORDER BY corrected_at DESC, example_id DESC LIMIT @limit",
            [("workspace", workspace), ("limit", limit)],
            row => new LabelledMessage(row.GetString(0), IntentLabels.Parse(row.GetString(1))),
            cancellationToken);

    public async Task SaveModelAsync(string workspace, int version, DateTimeOffset trainedAt, byte[] payload, CancellationToken cancellationToken)
    {
        await reader.QueryAsync(
            """
            INSERT INTO crm_intent_models (workspace, version, trained_at, payload) VALUES (@workspace, @version, @at, @payload)
            ON CONFLICT (workspace, version) DO UPDATE SET trained_at = excluded.trained_at, payload = excluded.payload
            RETURNING 1
            """,
            [("workspace", workspace), ("version", version), ("at", dialect == SqlDialect.Postgres ? SqlValues.Utc(trainedAt) : SqlValues.Milliseconds(trainedAt)!), ("payload", payload)],
            _ => true,
            cancellationToken);
    }

    public async Task DropVersionsBeforeAsync(string workspace, int version, CancellationToken cancellationToken) =>
        await reader.QueryAsync(
            "DELETE FROM crm_intent_models WHERE workspace = @workspace AND version < @version RETURNING 1",
            [("workspace", workspace), ("version", version)],
            _ => true,
            cancellationToken);

    public async Task<byte[]?> LoadModelAsync(string workspace, int version, CancellationToken cancellationToken)
    {
        var found = await reader.QueryAsync(
            "SELECT payload FROM crm_intent_models WHERE workspace = @workspace AND version = @version",
            [("workspace", workspace), ("version", version)],
            row => (byte[])row.GetValue(0),
            cancellationToken);
        return found.Count == 0 ? null : found[0];
    }
}
