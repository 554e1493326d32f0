using Crm.Grains.Identities;
using Crm.Grains.Ingest;
using Crm.Grains.Intents;
using Npgsql;
using NpgsqlTypes;

namespace Crm.Bench.Baseline;

/// <summary>
/// One transaction per event, as a competent CRUD application writes it: a pooled connection, statements the driver
/// prepares once per connection, and statements sent together whenever the next one does not need the previous one's
/// answer. Two round trips per event: (1) begin, claim the event id, resolve (or create) the identity, lock the customer
/// row and read the conversation, order and recent-conversation count the rules need; (2) write the row, the
/// conversation, the order and the timeline entries, and commit with <c>synchronous_commit</c> on.
/// </summary>
public sealed class CrudEventStore(NpgsqlDataSource dataSource, IIntentTextModel intentModel) : IAsyncDisposable
{
    private const string ClaimEvent = "INSERT INTO crud_processed_events (workspace, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING true";

    private const string ClaimIdentity = """
        INSERT INTO crud_identities (workspace, channel, value, customer_id) VALUES ($1, $2, $3, nextval('crud_customer_ids'))
        ON CONFLICT DO NOTHING RETURNING customer_id
        """;

    private const string FindIdentity = "SELECT customer_id FROM crud_identities WHERE workspace = $1 AND channel = $2 AND value = $3";

    private const string OwnerOfIdentity = "(SELECT customer_id FROM crud_identities WHERE workspace = $1 AND channel = $2 AND value = $3)";

    private const string LockCustomer = $"""
        SELECT lifecycle, intent, intent_score, conversations, messages, orders, ltv, csat_sum, csat_count,
               first_seen, last_active, last_contact, last_pricing_view, last_cart_view, timeline_seq
        FROM crud_customers WHERE workspace = $1 AND id = {OwnerOfIdentity} FOR UPDATE
        """;

    private const string FindConversation = $"SELECT status, message_count, last_message_at FROM crud_conversations WHERE workspace = $1 AND customer_id = {OwnerOfIdentity} AND id = $4";

    private const string FindOrder = $"SELECT refunded_at FROM crud_orders WHERE workspace = $1 AND customer_id = {OwnerOfIdentity} AND id = $4";

    private const string CountRecentConversations = $"SELECT count(*) FROM crud_conversations WHERE workspace = $1 AND customer_id = {OwnerOfIdentity} AND started_at >= $4";

    private const string InsertCustomer = """
        INSERT INTO crud_customers (workspace, id, email, phone, lifecycle, intent, intent_score, channels, conversations, messages, orders,
            ltv, csat_sum, csat_count, csat_average, first_seen, last_active, last_contact, last_pricing_view, last_cart_view, timeline_seq, search)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)
        """;

    private const string UpdateCustomer = """
        UPDATE crud_customers SET lifecycle = $3, intent = $4, intent_score = $5, conversations = $6, messages = $7, orders = $8, ltv = $9,
            csat_sum = $10, csat_count = $11, csat_average = $12, last_active = $13, last_contact = $14, last_pricing_view = $15,
            last_cart_view = $16, timeline_seq = $17
        WHERE workspace = $1 AND id = $2
        """;

    private const string UpsertConversation = """
        INSERT INTO crud_conversations (workspace, customer_id, id, channel, status, started_at, last_message_at, message_count, last_snippet)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
        ON CONFLICT (workspace, customer_id, id) DO UPDATE SET
            status = excluded.status, last_message_at = excluded.last_message_at, message_count = excluded.message_count,
            last_snippet = coalesce(excluded.last_snippet, crud_conversations.last_snippet)
        """;

    private const string InsertOrder = "INSERT INTO crud_orders (workspace, customer_id, id, amount, currency, placed_at) VALUES ($1, $2, $3, $4, $5, $6)";

    private const string InsertTimeline = """
        INSERT INTO crud_timeline (workspace, customer_id, seq, at, kind, actor, summary)
        SELECT $1, $2, * FROM unnest($3::bigint[], $4::timestamptz[], $5::text[], $6::text[], $7::text[])
        """;

    public static async Task<CrudEventStore> CreateAsync(string connectionString, int maxConnections, IIntentTextModel intentModel)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            MaxPoolSize = maxConnections,
            MinPoolSize = maxConnections,
            MaxAutoPrepare = 64,
            AutoPrepareMinUsages = 2,
            Timeout = 60,
        };
        var dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        foreach (var statement in CrudSchema.Statements)
        {
            await using var command = dataSource.CreateCommand(statement);
            await command.ExecuteNonQueryAsync();
        }

        return new CrudEventStore(dataSource, intentModel);
    }

    public async Task<CrudResult> ApplyAsync(string workspace, CrudEvent e, ChannelIdentity identity)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        try
        {
            return await ApplyAsync(connection, workspace, e, identity);
        }
        catch
        {
            await using var rollback = new NpgsqlCommand("ROLLBACK", connection);
            await rollback.ExecuteNonQueryAsync();
            throw;
        }
    }

    private async Task<CrudResult> ApplyAsync(NpgsqlConnection connection, string workspace, CrudEvent e, ChannelIdentity identity)
    {
        var channel = ChannelNames.Of(identity.Channel);
        var now = DateTimeOffset.UtcNow;
        var at = e.OccurredAt!.Value;
        var read = await ReadAsync(connection, workspace, e, channel, identity.Value, now);
        var id = read.CustomerId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!read.Fresh)
        {
            await using var rollback = new NpgsqlCommand("ROLLBACK", connection);
            await rollback.ExecuteNonQueryAsync();
            return new CrudResult(e.Id, "duplicate", id);
        }

        var customer = read.Customer ?? new CrudCustomer { FirstSeen = at };
        if (read.Customer is null)
        {
            customer.Record(at, "customer_created", $"{channel}:{identity.Value}", $"first contact on {channel}");
        }

        var change = Apply(customer, read.Conversation, read.OrderExists, e, $"{channel}:{identity.Value}", channel);
        if (read.Conversation is null && change.Conversation is not null && change.Conversation.StartedAt >= now.AddDays(-30))
        {
            customer.RecentConversations++;
        }

        customer.ResolveLifecycle(now);
        customer.ResolveIntent(change.Message, now);

        await using var write = new NpgsqlBatch(connection);
        write.BatchCommands.Add(read.Customer is null ? InsertRow(workspace, read.CustomerId, customer, identity, channel) : UpdateRow(workspace, read.CustomerId, customer));
        if (change.Conversation is { } written)
        {
            write.BatchCommands.Add(Command(
                UpsertConversation, workspace, read.CustomerId, e.ConversationId!, written.Channel, written.Status, written.StartedAt,
                Instant(written.LastMessageAt), written.MessageCount, Text(written.Snippet)));
        }

        if (change.NewOrder)
        {
            write.BatchCommands.Add(Command(InsertOrder, workspace, read.CustomerId, e.OrderId!, e.Amount!.Value, e.Currency!, at));
        }

        if (customer.Timeline.Count > 0)
        {
            write.BatchCommands.Add(Command(
                InsertTimeline, workspace, read.CustomerId,
                customer.Timeline.Select(t => t.Sequence).ToArray(), customer.Timeline.Select(t => t.At).ToArray(), customer.Timeline.Select(t => t.Kind).ToArray(),
                customer.Timeline.Select(t => t.Actor).ToArray(), customer.Timeline.Select(t => t.Summary).ToArray()));
        }

        write.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
        await write.ExecuteNonQueryAsync();
        return new CrudResult(e.Id, "accepted", id);
    }

    /// <summary>
    /// The first round trip. The customer row is found through the identity inside each statement, so nothing waits for
    /// the id: a customer this event creates has no row yet, and its reads come back empty.
    /// </summary>
    private static async Task<Read> ReadAsync(NpgsqlConnection connection, string workspace, CrudEvent e, string channel, string value, DateTimeOffset now)
    {
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN"));
        batch.BatchCommands.Add(Command(ClaimEvent, workspace, e.Id!));
        batch.BatchCommands.Add(Command(ClaimIdentity, workspace, channel, value));
        batch.BatchCommands.Add(Command(FindIdentity, workspace, channel, value));
        batch.BatchCommands.Add(Command(LockCustomer, workspace, channel, value));
        batch.BatchCommands.Add(Command(CountRecentConversations, workspace, channel, value, now.AddDays(-30)));
        if (e.ConversationId is not null)
        {
            batch.BatchCommands.Add(Command(FindConversation, workspace, channel, value, e.ConversationId));
        }

        if (e.OrderId is not null)
        {
            batch.BatchCommands.Add(Command(FindOrder, workspace, channel, value, e.OrderId));
        }

        await using var reader = await batch.ExecuteReaderAsync();
        var fresh = await reader.ReadAsync();
        await reader.NextResultAsync();
        await reader.ReadAsync();
        await reader.NextResultAsync();
        await reader.ReadAsync();
        var customerId = reader.GetInt64(0);
        await reader.NextResultAsync();
        var customer = await reader.ReadAsync() ? Customer(reader) : null;
        await reader.NextResultAsync();
        await reader.ReadAsync();
        if (customer is not null)
        {
            customer.RecentConversations = (int)reader.GetInt64(0);
        }

        CrudConversation? conversation = null;
        if (e.ConversationId is not null)
        {
            await reader.NextResultAsync();
            if (await reader.ReadAsync())
            {
                conversation = new CrudConversation(string.Empty, reader.GetString(0), default, reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2), reader.GetInt32(1), null);
            }
        }

        var orderExists = false;
        if (e.OrderId is not null)
        {
            await reader.NextResultAsync();
            orderExists = await reader.ReadAsync();
        }

        return new Read(fresh, customerId, customer, conversation, orderExists);
    }

    private static CrudCustomer Customer(NpgsqlDataReader reader) => new()
    {
        Lifecycle = reader.GetString(0),
        Intent = reader.GetString(1),
        IntentScore = reader.GetDouble(2),
        Conversations = reader.GetInt32(3),
        Messages = reader.GetInt32(4),
        Orders = reader.GetInt32(5),
        Ltv = reader.GetDecimal(6),
        CsatSum = reader.GetInt32(7),
        CsatCount = reader.GetInt32(8),
        FirstSeen = reader.GetFieldValue<DateTimeOffset>(9),
        LastActive = reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10),
        LastContact = reader.IsDBNull(11) ? null : reader.GetFieldValue<DateTimeOffset>(11),
        LastPricingView = reader.IsDBNull(12) ? null : reader.GetFieldValue<DateTimeOffset>(12),
        LastCartView = reader.IsDBNull(13) ? null : reader.GetFieldValue<DateTimeOffset>(13),
        TimelineSequence = reader.GetInt64(14),
    };

    /// <summary>The event's effect on the loaded row, as the engine's customer grain applies the same event type.</summary>
    private (CrudConversation? Conversation, bool NewOrder, IntentPrediction? Message) Apply(
        CrudCustomer customer, CrudConversation? existing, bool orderExists, CrudEvent e, string actor, string channel)
    {
        var at = e.OccurredAt!.Value;
        CrudConversation Touch()
        {
            if (existing is not null)
            {
                return existing;
            }

            customer.Conversations++;
            customer.MarkContact(at);
            customer.Record(at, "conversation_opened", actor, $"conversation {e.ConversationId} on {channel}");
            return new CrudConversation(channel, "open", at, null, 0, null);
        }

        switch (e.Type)
        {
            case "message_received":
            {
                var conversation = Touch();
                customer.Messages++;
                customer.MarkContact(at);
                var text = e.Text?.Trim() ?? string.Empty;
                var inbound = e.Direction is null or "inbound";
                if (inbound)
                {
                    customer.MarkActive(at);
                }

                var snippet = text.Length > 140 ? text[..140] + "…" : text;
                var message = inbound && text.Length > 0 ? intentModel.Predict(text) : null;
                return (conversation with { MessageCount = conversation.MessageCount + 1, LastMessageAt = at, Snippet = snippet }, false, message);
            }

            case "conversation_opened":
                return (existing is null ? Touch() : null, false, null);
            case "conversation_closed":
            {
                var conversation = Touch();
                customer.MarkContact(at);
                if (conversation.Status == "closed")
                {
                    return (null, false, null);
                }

                customer.Record(at, "conversation_closed", actor, $"conversation {e.ConversationId} closed");
                return (conversation with { Status = "closed" }, false, null);
            }

            case "csat_submitted":
                customer.CsatSum += e.Score!.Value;
                customer.CsatCount++;
                customer.MarkActive(at);
                customer.Record(at, "csat_submitted", actor, $"rated {e.Score} of 5");
                return (null, false, null);
            case "order_placed":
                customer.MarkActive(at);
                if (orderExists)
                {
                    return (null, false, null);
                }

                customer.Orders++;
                customer.Ltv += e.Amount!.Value;
                customer.Record(at, "order_placed", actor, $"order {e.OrderId}: {CrudCustomer.Money(e.Amount.Value, e.Currency!)}");
                return (null, true, null);
            default:
                customer.MarkActive(at);
                var path = new Uri(e.Url!).AbsolutePath.ToLowerInvariant();
                if (path.Contains("pricing") || path.Contains("/plans"))
                {
                    customer.LastPricingView = at;
                }

                if (path.Contains("cart") || path.Contains("checkout") || path.Contains("basket"))
                {
                    customer.LastCartView = at;
                }

                return (null, false, null);
        }
    }

    private static NpgsqlBatchCommand InsertRow(string workspace, long id, CrudCustomer c, ChannelIdentity identity, string channel) => Command(
        InsertCustomer, workspace, id,
        Text(identity.Channel == Channel.Email ? identity.Value : null), Text(identity.Channel == Channel.Email ? null : identity.Value),
        c.Lifecycle, c.Intent, c.IntentScore, new[] { channel }, c.Conversations, c.Messages, c.Orders, c.Ltv, c.CsatSum, c.CsatCount,
        Real(c.CsatAverage), c.FirstSeen, Instant(c.LastActive), Instant(c.LastContact), Instant(c.LastPricingView), Instant(c.LastCartView),
        c.TimelineSequence, identity.Value.ToLowerInvariant());

    private static NpgsqlBatchCommand UpdateRow(string workspace, long id, CrudCustomer c) => Command(
        UpdateCustomer, workspace, id, c.Lifecycle, c.Intent, c.IntentScore, c.Conversations, c.Messages, c.Orders, c.Ltv, c.CsatSum, c.CsatCount,
        Real(c.CsatAverage), Instant(c.LastActive), Instant(c.LastContact), Instant(c.LastPricingView), Instant(c.LastCartView), c.TimelineSequence);

    /// <summary>Nulls carry their column's type, so a statement keeps one prepared form whatever is null.</summary>
    private static NpgsqlParameter Instant(DateTimeOffset? value) => new() { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = (object?)value ?? DBNull.Value };

    private static NpgsqlParameter Text(string? value) => new() { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)value ?? DBNull.Value };

    private static NpgsqlParameter Real(double? value) => new() { NpgsqlDbType = NpgsqlDbType.Double, Value = (object?)value ?? DBNull.Value };

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(value as NpgsqlParameter ?? new NpgsqlParameter { Value = value });
        }

        return command;
    }

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    private sealed record Read(bool Fresh, long CustomerId, CrudCustomer? Customer, CrudConversation? Conversation, bool OrderExists);

    private sealed record CrudConversation(string Channel, string Status, DateTimeOffset StartedAt, DateTimeOffset? LastMessageAt, int MessageCount, string? Snippet);
}
