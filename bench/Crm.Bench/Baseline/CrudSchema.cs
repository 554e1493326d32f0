namespace Crm.Bench.Baseline;

/// <summary>
/// The CRUD application's tables: a customer row with the same list columns and the same indexes as the engine's
/// <c>crm_customers</c> (so its list would be as fast), identities, conversations, orders, processed event ids for
/// idempotency, and the timeline.
/// </summary>
public static class CrudSchema
{
    public static readonly IReadOnlyList<string> Statements =
    [
        "CREATE EXTENSION IF NOT EXISTS pg_trgm",
        "CREATE SEQUENCE crud_customer_ids",
        """
        CREATE TABLE crud_customers (
            workspace text NOT NULL, id bigint NOT NULL,
            name text, email text, phone text, company text, city text, country text, language text, avatar_url text,
            lifecycle text NOT NULL, intent text NOT NULL, intent_score double precision NOT NULL,
            tags text[] NOT NULL DEFAULT '{}', segments text[] NOT NULL DEFAULT '{}', channels text[] NOT NULL,
            conversations integer NOT NULL, messages integer NOT NULL, orders integer NOT NULL,
            ltv numeric(20, 2) NOT NULL, csat_sum integer NOT NULL, csat_count integer NOT NULL, csat_average double precision,
            first_seen timestamptz NOT NULL, last_active timestamptz, last_contact timestamptz,
            last_pricing_view timestamptz, last_cart_view timestamptz, timeline_seq bigint NOT NULL,
            search text NOT NULL,
            PRIMARY KEY (workspace, id))
        """,
        "CREATE INDEX crud_customers_sort_name ON crud_customers (workspace, lower(coalesce(name, '')), id)",
        "CREATE INDEX crud_customers_sort_last_active ON crud_customers (workspace, coalesce(last_active, first_seen), id)",
        "CREATE INDEX crud_customers_first_seen ON crud_customers (workspace, first_seen, id)",
        "CREATE INDEX crud_customers_conversations ON crud_customers (workspace, conversations, id)",
        "CREATE INDEX crud_customers_messages ON crud_customers (workspace, messages, id)",
        "CREATE INDEX crud_customers_ltv ON crud_customers (workspace, ltv, id)",
        "CREATE INDEX crud_customers_lifecycle ON crud_customers (workspace, lifecycle, id)",
        "CREATE INDEX crud_customers_intent ON crud_customers (workspace, intent, id)",
        "CREATE INDEX crud_customers_tags ON crud_customers USING gin (tags)",
        "CREATE INDEX crud_customers_segments ON crud_customers USING gin (segments)",
        "CREATE INDEX crud_customers_search ON crud_customers USING gin (search gin_trgm_ops)",
        """
        CREATE TABLE crud_identities (
            workspace text NOT NULL, channel text NOT NULL, value text NOT NULL, customer_id bigint NOT NULL,
            PRIMARY KEY (workspace, channel, value))
        """,
        """
        CREATE TABLE crud_conversations (
            workspace text NOT NULL, customer_id bigint NOT NULL, id text NOT NULL, channel text NOT NULL, status text NOT NULL,
            started_at timestamptz NOT NULL, last_message_at timestamptz, message_count integer NOT NULL, last_snippet text,
            PRIMARY KEY (workspace, customer_id, id))
        """,
        """
        CREATE TABLE crud_orders (
            workspace text NOT NULL, customer_id bigint NOT NULL, id text NOT NULL, amount numeric(20, 2) NOT NULL, currency text NOT NULL,
            placed_at timestamptz NOT NULL, refunded_at timestamptz,
            PRIMARY KEY (workspace, customer_id, id))
        """,
        "CREATE TABLE crud_processed_events (workspace text NOT NULL, event_id text NOT NULL, PRIMARY KEY (workspace, event_id))",
        """
        CREATE TABLE crud_timeline (
            workspace text NOT NULL, customer_id bigint NOT NULL, seq bigint NOT NULL,
            at timestamptz NOT NULL, kind text NOT NULL, actor text NOT NULL, summary text NOT NULL,
            PRIMARY KEY (workspace, customer_id, seq))
        """,
    ];
}
