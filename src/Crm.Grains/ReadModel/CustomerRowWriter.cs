using Crm.Grains.Customers;
using Crm.Silo.Storage;

namespace Crm.Grains.ReadModel;

/// <summary>
/// The customer list's table: one flat row per live customer with every column a filter or sort needs, indexed for
/// each sort and trigram-indexed for substring search (pg_trgm on PostgreSQL, FTS5 on SQLite).
/// </summary>
public sealed class CustomerRowWriter : IStateRowWriter
{
    public const string MemoryTable = "customers";

    private const string Columns =
        "workspace, id, name, email, phone, company, city, country, language, avatar_url, lifecycle, intent, intent_score, " +
        "tags, segments, channels, conversations, messages, orders, ltv, csat_average, first_seen, last_active, last_contact, search";

    private static readonly string[] UpdatedColumns = Columns.Split(", ")[2..];

    /// <summary>
    /// One index per sort (with the id as tie-breaker for keyset paging), in both dialects. Lifecycle and intent are
    /// indexed together with the default sort, last active: both follow from how long a customer has been silent, so
    /// the customers of one stage (at risk, churned, no engagement) sit together in last-active order, and scanning the
    /// sort index for them — what a plain (stage, id) index leaves the planner to do — reads most of the table before
    /// the first page is full (6 s at a million customers). With the stage in front, a stat card's list is one ordered
    /// range. These replace the (stage, id) indexes of the first schema, dropped here.
    /// </summary>
    private static readonly string[] SortAndFilterIndexes =
    [
        "CREATE INDEX IF NOT EXISTS crm_customers_sort_name ON crm_customers (workspace, lower(coalesce(name, '')), id)",
        "CREATE INDEX IF NOT EXISTS crm_customers_sort_last_active ON crm_customers (workspace, coalesce(last_active, first_seen), id)",
        "CREATE INDEX IF NOT EXISTS crm_customers_first_seen ON crm_customers (workspace, first_seen, id)",
        "CREATE INDEX IF NOT EXISTS crm_customers_conversations ON crm_customers (workspace, conversations, id)",
        "CREATE INDEX IF NOT EXISTS crm_customers_messages ON crm_customers (workspace, messages, id)",
        "CREATE INDEX IF NOT EXISTS crm_customers_ltv ON crm_customers (workspace, ltv, id)",
        "DROP INDEX IF EXISTS crm_customers_lifecycle",
        "DROP INDEX IF EXISTS crm_customers_intent",
        "CREATE INDEX IF NOT EXISTS crm_customers_lifecycle_last_active ON crm_customers (workspace, lifecycle, coalesce(last_active, first_seen), id)",
        "CREATE INDEX IF NOT EXISTS crm_customers_intent_last_active ON crm_customers (workspace, intent, coalesce(last_active, first_seen), id)",
    ];

    public Type RowType => typeof(CustomerRow);

    public IReadOnlyList<string> Schema(SqlDialect dialect) => dialect == SqlDialect.Postgres
        ?
        [
            "CREATE EXTENSION IF NOT EXISTS pg_trgm",
            """
            CREATE TABLE IF NOT EXISTS crm_customers (
                workspace text NOT NULL, id text NOT NULL,
                name text, email text, phone text, company text, city text, country text, language text, avatar_url text,
                lifecycle text NOT NULL, intent text NOT NULL, intent_score double precision NOT NULL,
                tags text[] NOT NULL, segments text[] NOT NULL, channels text[] NOT NULL,
                conversations integer NOT NULL, messages integer NOT NULL, orders integer NOT NULL,
                ltv numeric(20, 2) NOT NULL, csat_average double precision,
                first_seen timestamptz NOT NULL, last_active timestamptz, last_contact timestamptz,
                search text NOT NULL,
                PRIMARY KEY (workspace, id))
            """,
            .. SortAndFilterIndexes,
            "CREATE INDEX IF NOT EXISTS crm_customers_tags ON crm_customers USING gin (tags)",
            "CREATE INDEX IF NOT EXISTS crm_customers_segments ON crm_customers USING gin (segments)",
            "CREATE INDEX IF NOT EXISTS crm_customers_search ON crm_customers USING gin (search gin_trgm_ops)",
        ]
        :
        [
            """
            CREATE TABLE IF NOT EXISTS crm_customers (
                workspace TEXT NOT NULL, id TEXT NOT NULL,
                name TEXT, email TEXT, phone TEXT, company TEXT, city TEXT, country TEXT, language TEXT, avatar_url TEXT,
                lifecycle TEXT NOT NULL, intent TEXT NOT NULL, intent_score REAL NOT NULL,
                tags TEXT NOT NULL, segments TEXT NOT NULL, channels TEXT NOT NULL,
                conversations INTEGER NOT NULL, messages INTEGER NOT NULL, orders INTEGER NOT NULL,
                ltv REAL NOT NULL, csat_average REAL,
                first_seen INTEGER NOT NULL, last_active INTEGER, last_contact INTEGER,
                search TEXT NOT NULL,
                PRIMARY KEY (workspace, id)) WITHOUT ROWID
            """,
            .. SortAndFilterIndexes,
            .. SqliteSearchIndex,
        ];

    /// <summary>
    /// SQLite's substring search: an FTS5 trigram index of the search text (<c>crm_customer_search</c>), so a search of
    /// three or more characters reads the matching rows instead of scanning the table with LIKE. The list table has no
    /// rowid (WITHOUT ROWID) for FTS5 to key by, so <c>crm_customer_search_keys</c> numbers each customer. Triggers keep
    /// both in step with every insert, change of search text and delete, inside the statement's own transaction — the
    /// group commit's. The search text is already lower-cased, so the tokenizer folds nothing (<c>case_sensitive 1</c>)
    /// and keeps accents, matching exactly what PostgreSQL's LIKE matches. A store from a release without the index is
    /// filled by the two backfill statements at its first start (each does nothing once its table holds a row). The
    /// vocabulary table reads the index's own count of rows per trigram, for choosing between index and sort order.
    /// </summary>
    private static readonly string[] SqliteSearchIndex =
    [
        "CREATE TABLE IF NOT EXISTS crm_customer_search_keys (row INTEGER PRIMARY KEY, workspace TEXT NOT NULL, id TEXT NOT NULL, UNIQUE (workspace, id))",
        "CREATE VIRTUAL TABLE IF NOT EXISTS crm_customer_search USING fts5(search, tokenize = 'trigram case_sensitive 1')",
        "CREATE VIRTUAL TABLE IF NOT EXISTS crm_customer_search_vocab USING fts5vocab(crm_customer_search, 'row')",
        """
        CREATE TRIGGER IF NOT EXISTS crm_customers_search_insert AFTER INSERT ON crm_customers BEGIN
            INSERT INTO crm_customer_search_keys (workspace, id) VALUES (new.workspace, new.id);
            INSERT INTO crm_customer_search (rowid, search)
                SELECT row, new.search FROM crm_customer_search_keys WHERE workspace = new.workspace AND id = new.id;
        END
        """,
        """
        CREATE TRIGGER IF NOT EXISTS crm_customers_search_update AFTER UPDATE OF search ON crm_customers WHEN old.search IS NOT new.search BEGIN
            UPDATE crm_customer_search SET search = new.search
                WHERE rowid = (SELECT row FROM crm_customer_search_keys WHERE workspace = new.workspace AND id = new.id);
        END
        """,
        """
        CREATE TRIGGER IF NOT EXISTS crm_customers_search_delete AFTER DELETE ON crm_customers BEGIN
            DELETE FROM crm_customer_search WHERE rowid = (SELECT row FROM crm_customer_search_keys WHERE workspace = old.workspace AND id = old.id);
            DELETE FROM crm_customer_search_keys WHERE workspace = old.workspace AND id = old.id;
        END
        """,
        "INSERT INTO crm_customer_search_keys (workspace, id) SELECT workspace, id FROM crm_customers WHERE NOT EXISTS (SELECT 1 FROM crm_customer_search_keys)",
        """
        INSERT INTO crm_customer_search (rowid, search)
            SELECT k.row, c.search FROM crm_customer_search_keys k JOIN crm_customers c ON c.workspace = k.workspace AND c.id = k.id
            WHERE NOT EXISTS (SELECT 1 FROM crm_customer_search)
        """,
    ];

    public void Write(ISqlBatch batch, SqlDialect dialect, IReadOnlyList<object> rows)
    {
        var latest = Latest(rows);
        var removed = latest.Where(row => row.Snapshot is null).ToArray();
        var upserted = latest.Where(row => row.Snapshot is not null).ToArray();
        if (dialect == SqlDialect.Postgres)
        {
            WritePostgres(batch, removed, upserted);
        }
        else
        {
            WriteSqlite(batch, removed, upserted);
        }
    }

    public void Write(MemoryRowStore store, IReadOnlyList<object> rows)
    {
        var table = store.Table(MemoryTable);
        foreach (var row in Latest(rows))
        {
            var key = $"{row.Workspace}/{row.Id}";
            if (row.Snapshot is null)
            {
                table.TryRemove(key, out _);
            }
            else
            {
                table[key] = row.Snapshot;
            }
        }
    }

    /// <summary>A batch may hold several writes of one customer (coalesced): the last one is the row.</summary>
    private static List<CustomerRow> Latest(IReadOnlyList<object> rows)
    {
        var byKey = new Dictionary<(string, string), CustomerRow>();
        foreach (CustomerRow row in rows)
        {
            byKey[(row.Workspace, row.Id)] = row;
        }

        return byKey.Values.OrderBy(row => row.Workspace, StringComparer.Ordinal).ThenBy(row => row.Id, StringComparer.Ordinal).ToList();
    }

    private static void WritePostgres(ISqlBatch batch, CustomerRow[] removed, CustomerRow[] upserted)
    {
        if (removed.Length > 0)
        {
            batch.Add(
                "DELETE FROM crm_customers c USING unnest(@workspaces, @ids) AS r(workspace, id) WHERE c.workspace = r.workspace AND c.id = r.id",
                Sql.P("workspaces", removed.Select(row => row.Workspace).ToArray()),
                Sql.P("ids", removed.Select(row => row.Id).ToArray()));
        }

        if (upserted.Length == 0)
        {
            return;
        }

        var snapshots = upserted.Select(row => row.Snapshot!).ToArray();
        var updates = string.Join(", ", UpdatedColumns.Select(column => $"{column} = excluded.{column}"));
        batch.Add(
            $"""
            INSERT INTO crm_customers ({Columns})
            SELECT w.workspace, w.id, w.name, w.email, w.phone, w.company, w.city, w.country, w.language, w.avatar_url,
                   w.lifecycle, w.intent, w.intent_score,
                   string_to_array(w.tags, E'\x1f'), string_to_array(w.segments, E'\x1f'), string_to_array(w.channels, E'\x1f'),
                   w.conversations, w.messages, w.orders, w.ltv, w.csat_average, w.first_seen, w.last_active, w.last_contact, w.search
            FROM unnest(@workspace, @id, @name, @email, @phone, @company, @city, @country, @language, @avatar_url,
                        @lifecycle, @intent, @intent_score, @tags, @segments, @channels,
                        @conversations, @messages, @orders, @ltv, @csat_average, @first_seen, @last_active, @last_contact, @search)
                 AS w(workspace, id, name, email, phone, company, city, country, language, avatar_url, lifecycle, intent, intent_score,
                      tags, segments, channels, conversations, messages, orders, ltv, csat_average, first_seen, last_active, last_contact, search)
            ON CONFLICT (workspace, id) DO UPDATE SET {updates}
            """,
            Sql.P("workspace", upserted.Select(row => row.Workspace).ToArray()),
            Sql.P("id", upserted.Select(row => row.Id).ToArray()),
            Sql.P("name", snapshots.Select(s => s.Name).ToArray()),
            Sql.P("email", snapshots.Select(s => s.Email).ToArray()),
            Sql.P("phone", snapshots.Select(s => s.Phone).ToArray()),
            Sql.P("company", snapshots.Select(s => s.Company).ToArray()),
            Sql.P("city", snapshots.Select(s => s.City).ToArray()),
            Sql.P("country", snapshots.Select(s => s.Country).ToArray()),
            Sql.P("language", snapshots.Select(s => s.Language).ToArray()),
            Sql.P("avatar_url", snapshots.Select(s => s.AvatarUrl).ToArray()),
            Sql.P("lifecycle", snapshots.Select(s => ReadModelNames.Of(s.Lifecycle)).ToArray()),
            Sql.P("intent", snapshots.Select(s => ReadModelNames.Of(s.Intent)).ToArray()),
            Sql.P("intent_score", snapshots.Select(s => s.IntentScore).ToArray()),
            Sql.P("tags", snapshots.Select(s => string.Join(SqlValues.ArraySeparator, s.Tags)).ToArray()),
            Sql.P("segments", snapshots.Select(s => string.Join(SqlValues.ArraySeparator, s.Segments)).ToArray()),
            Sql.P("channels", snapshots.Select(s => string.Join(SqlValues.ArraySeparator, s.Channels)).ToArray()),
            Sql.P("conversations", snapshots.Select(s => s.Conversations).ToArray()),
            Sql.P("messages", snapshots.Select(s => s.Messages).ToArray()),
            Sql.P("orders", snapshots.Select(s => s.Orders).ToArray()),
            Sql.P("ltv", snapshots.Select(s => s.LifetimeValue).ToArray()),
            Sql.P("csat_average", snapshots.Select(s => s.CsatAverage).ToArray()),
            Sql.P("first_seen", snapshots.Select(s => SqlValues.Utc(s.FirstSeen)).ToArray()),
            Sql.P("last_active", snapshots.Select(s => SqlValues.Utc(s.LastActive)).ToArray()),
            Sql.P("last_contact", snapshots.Select(s => SqlValues.Utc(s.LastContact)).ToArray()),
            Sql.P("search", snapshots.Select(SearchText).ToArray()));
    }

    private static void WriteSqlite(ISqlBatch batch, CustomerRow[] removed, CustomerRow[] upserted)
    {
        foreach (var row in removed)
        {
            batch.Add("DELETE FROM crm_customers WHERE workspace = @workspace AND id = @id", Sql.P("workspace", row.Workspace), Sql.P("id", row.Id));
        }

        var parameters = Columns.Split(", ").Select(column => "@" + column);
        var updates = string.Join(", ", UpdatedColumns.Select(column => $"{column} = excluded.{column}"));
        var sql = $"INSERT INTO crm_customers ({Columns}) VALUES ({string.Join(", ", parameters)}) ON CONFLICT (workspace, id) DO UPDATE SET {updates}";
        foreach (var row in upserted)
        {
            var s = row.Snapshot!;
            batch.Add(
                sql,
                Sql.P("workspace", row.Workspace), Sql.P("id", row.Id), Sql.P("name", s.Name), Sql.P("email", s.Email), Sql.P("phone", s.Phone),
                Sql.P("company", s.Company), Sql.P("city", s.City), Sql.P("country", s.Country), Sql.P("language", s.Language), Sql.P("avatar_url", s.AvatarUrl),
                Sql.P("lifecycle", ReadModelNames.Of(s.Lifecycle)), Sql.P("intent", ReadModelNames.Of(s.Intent)), Sql.P("intent_score", s.IntentScore),
                Sql.P("tags", SqlValues.Delimited(s.Tags)), Sql.P("segments", SqlValues.Delimited(s.Segments)), Sql.P("channels", SqlValues.Delimited(s.Channels)),
                Sql.P("conversations", s.Conversations), Sql.P("messages", s.Messages), Sql.P("orders", s.Orders), Sql.P("ltv", (double)s.LifetimeValue),
                Sql.P("csat_average", s.CsatAverage), Sql.P("first_seen", SqlValues.Milliseconds(s.FirstSeen)), Sql.P("last_active", SqlValues.Milliseconds(s.LastActive)),
                Sql.P("last_contact", SqlValues.Milliseconds(s.LastContact)), Sql.P("search", SearchText(s)));
        }
    }

    /// <summary>What substring search looks in: name, email, phone, company and tags, lower-cased.</summary>
    public static string SearchText(CustomerSnapshot snapshot) =>
        string.Join(' ', new[] { snapshot.Name, snapshot.Email, snapshot.Phone, snapshot.Company }.Where(value => !string.IsNullOrEmpty(value)).Concat(snapshot.Tags))
            .ToLowerInvariant();
}
