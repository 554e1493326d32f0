using Npgsql;

namespace Crm.Bench.Storage;

/// <summary>
/// What <c>Microsoft.Orleans.Persistence.AdoNet</c> 10.4.2 needs in PostgreSQL, which its package does not ship: the
/// <c>OrleansQuery</c> table it reads its statements from at start, and the <c>OrleansStorage</c> table those statements use.
/// </summary>
/// <remarks>
/// The contract, as that version's provider uses it: at start it selects the rows keyed <c>WriteToStorageKey</c>,
/// <c>ReadFromStorageKey</c> and <c>ClearStorageKey</c> (required) and <c>DeleteStorageKey</c> (required only with
/// <c>DeleteStateOnClear</c>). Every statement is bound with <c>@GrainIdHash</c>, <c>@GrainIdN0</c>, <c>@GrainIdN1</c>,
/// <c>@GrainTypeHash</c>, <c>@GrainTypeString</c>, <c>@GrainIdExtensionString</c> and <c>@ServiceId</c>; write, clear and
/// delete also with <c>@GrainStateVersion</c> (the ETag as an integer, null for a state never stored) and write with
/// <c>@PayloadBinary</c>. A read answers <c>PayloadBinary</c> and <c>Version</c> (no row, or a null payload, means no record).
/// Write, clear and delete answer one row whose first column is the new version; answering the version the grain sent,
/// or null, tells the provider the ETag was stale. Each statement runs alone, so each write is its own transaction.
/// </remarks>
internal static class AdoNetStorageSchema
{
    private const string SameGrain = """
        grainidhash = @GrainIdHash AND graintypehash = @GrainTypeHash AND serviceid = @ServiceId
        AND grainidn0 = @GrainIdN0 AND grainidn1 = @GrainIdN1 AND graintypestring = @GrainTypeString
        AND coalesce(grainidextensionstring, '') = coalesce(@GrainIdExtensionString, '')
        """;

    private const string Tables = """
        CREATE TABLE orleansquery (
            querykey varchar(64) PRIMARY KEY,
            querytext text NOT NULL
        );

        CREATE TABLE orleansstorage (
            serviceid varchar(150) NOT NULL,
            graintypehash integer NOT NULL,
            graintypestring varchar(512) NOT NULL,
            grainidhash integer NOT NULL,
            grainidn0 bigint NOT NULL,
            grainidn1 bigint NOT NULL,
            grainidextensionstring varchar(512),
            payloadbinary bytea,
            version integer NOT NULL,
            modifiedon timestamptz NOT NULL DEFAULT now()
        );

        -- Unique, so that two activations storing a new state at once cannot both insert it: the second finds the conflict.
        CREATE UNIQUE INDEX orleansstorage_grain ON orleansstorage
            (grainidhash, graintypehash, serviceid, grainidn0, grainidn1, graintypestring, coalesce(grainidextensionstring, ''));
        """;

    private static readonly (string Key, string Text)[] Queries =
    [
        ("ReadFromStorageKey", $"""
            SELECT payloadbinary AS "PayloadBinary", version AS "Version"
            FROM orleansstorage
            WHERE {SameGrain}
            """),
        ("WriteToStorageKey", $"""
            WITH updated AS (
                UPDATE orleansstorage SET payloadbinary = @PayloadBinary, version = version + 1, modifiedon = now()
                WHERE @GrainStateVersion IS NOT NULL AND version = @GrainStateVersion AND {SameGrain}
                RETURNING version
            ), inserted AS (
                INSERT INTO orleansstorage (serviceid, graintypehash, graintypestring, grainidhash, grainidn0, grainidn1, grainidextensionstring, payloadbinary, version)
                SELECT @ServiceId, @GrainTypeHash, @GrainTypeString, @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString, @PayloadBinary, 1
                WHERE @GrainStateVersion IS NULL
                ON CONFLICT DO NOTHING
                RETURNING version
            )
            SELECT coalesce((SELECT version FROM updated), (SELECT version FROM inserted), @GrainStateVersion) AS "NewGrainStateVersion"
            """),
        ("ClearStorageKey", $"""
            WITH cleared AS (
                UPDATE orleansstorage SET payloadbinary = NULL, version = version + 1, modifiedon = now()
                WHERE version = @GrainStateVersion AND {SameGrain}
                RETURNING version
            )
            SELECT coalesce((SELECT version FROM cleared), @GrainStateVersion) AS "NewGrainStateVersion"
            """),
        ("DeleteStorageKey", $"""
            WITH deleted AS (
                DELETE FROM orleansstorage
                WHERE version = @GrainStateVersion AND {SameGrain}
                RETURNING version
            )
            SELECT coalesce((SELECT version + 1 FROM deleted), @GrainStateVersion) AS "NewGrainStateVersion"
            """),
    ];

    /// <summary>Creates the tables and stores the statements, in a database that has neither yet.</summary>
    public static async Task CreateAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var tables = new NpgsqlCommand(Tables, connection, transaction))
        {
            await tables.ExecuteNonQueryAsync();
        }

        foreach (var (key, text) in Queries)
        {
            await using var insert = new NpgsqlCommand("INSERT INTO orleansquery (querykey, querytext) VALUES ($1, $2)", connection, transaction);
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = text });
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }
}
