namespace Crm.Silo.Storage;

/// <summary>
/// The runtime's own tables. Every statement is idempotent, so start-up applies them all each time;
/// a change of shape is a new statement appended here, never an edit of a shipped one.
/// </summary>
internal static class SchemaMigrations
{
    public static IReadOnlyList<string> For(SqlDialect dialect) => dialect switch
    {
        SqlDialect.Postgres =>
        [
            """
            CREATE TABLE IF NOT EXISTS crm_grain_state (
                grain_type text NOT NULL,
                grain_key text NOT NULL,
                version bigint NOT NULL,
                payload json NOT NULL,
                updated_at timestamptz NOT NULL DEFAULT now(),
                CONSTRAINT crm_grain_state_pk PRIMARY KEY (grain_type, grain_key)
            )
            """,
        ],
        SqlDialect.Sqlite =>
        [
            """
            CREATE TABLE IF NOT EXISTS crm_grain_state (
                grain_type TEXT NOT NULL,
                grain_key TEXT NOT NULL,
                version INTEGER NOT NULL,
                payload TEXT NOT NULL,
                updated_at INTEGER NOT NULL,
                PRIMARY KEY (grain_type, grain_key)
            ) WITHOUT ROWID
            """,
        ],
        _ => throw new ArgumentOutOfRangeException(nameof(dialect)),
    };
}
