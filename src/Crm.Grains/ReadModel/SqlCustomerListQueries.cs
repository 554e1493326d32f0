using System.Data.Common;
using System.Globalization;
using Crm.Grains.Customers;
using Crm.Silo.Storage;

namespace Crm.Grains.ReadModel;

/// <summary>
/// The customer list as one SQL statement per page in either dialect: filters as predicates the indexes serve (trigram
/// search: pg_trgm on PostgreSQL, FTS5 on SQLite; GIN array containment on PostgreSQL), the sort expression the sort
/// indexes are built on, and keyset paging on (sort value, id).
/// </summary>
public sealed class SqlCustomerListQueries(SqlReader reader, SqlDialect dialect) : ICustomerListQueries
{
    private const string Columns =
        "id, name, email, phone, company, avatar_url, lifecycle, tags, intent, last_active, first_seen, conversations, messages, orders, ltv, csat_average";

    private bool Postgres => dialect == SqlDialect.Postgres;

    public async Task<CustomerListPage> ListAsync(string workspace, CustomerListQuery query, CustomerCursor? after, int limit, CancellationToken cancellationToken = default)
    {
        var parameters = new List<(string Name, object Value)> { ("workspace", workspace), ("limit", limit + 1) };
        var where = new List<string> { "workspace = @workspace" };
        var searchIndex = !Postgres && query.Search is { Length: > 0 } search && await TrigramSearch.NarrowsAsync(reader, search.ToLowerInvariant(), limit + 1, cancellationToken);
        AddFilters(query, searchIndex, where, parameters);
        var sort = SortExpression(query.Sort.Field);
        if (after is not null)
        {
            parameters.Add(("after_value", CursorValue(query.Sort.Field, after.Value)));
            parameters.Add(("after_id", after.Id));
            var past = query.Sort.Descending ? "<" : ">";
            where.Add(Postgres || query.Sort.Field is not (CustomerSortField.Name or CustomerSortField.LastActive)
                ? $"({sort}, id) {past} (@after_value, @after_id)"
                // SQLite reads a row-value comparison over an expression index as a filter, scanning every row before the
                // cursor (130 ms deep into 100,000 rows); spelled out, the first term bounds the index range.
                : $"{sort} {past}= @after_value AND ({sort} {past} @after_value OR id {past} @after_id)");
        }

        var direction = query.Sort.Descending ? "DESC" : "ASC";
        string Page(IEnumerable<string> conditions) =>
            $"SELECT {Columns}, {sort} AS sort_value FROM crm_customers WHERE {string.Join(" AND ", conditions)} ORDER BY {sort} {direction}, id {direction} LIMIT @limit";

        // A list of stages as one IN condition cannot be read in sort order from the (stage, last active) index, so each
        // stage reads its own ordered page and the pages are merged: a few rows to sort instead of every match.
        var stages = query.Lifecycles.Select(ReadModelNames.Of).Distinct().ToArray();
        for (var i = 0; i < stages.Length; i++)
        {
            parameters.Add(($"lifecycle{i}", stages[i]));
        }

        var sql = stages.Length <= 1
            ? Page(stages.Length == 0 ? where : [.. where, "lifecycle = @lifecycle0"])
            : string.Join(" UNION ALL ", stages.Select((_, i) => $"SELECT * FROM ({Page([.. where, $"lifecycle = @lifecycle{i}"])}) AS stage{i}"))
              + $" ORDER BY sort_value {direction}, id {direction} LIMIT @limit";
        var rows = await reader.QueryAsync(sql, parameters, row => (Row: Map(row), SortValue: SortValueOf(row, 16, query.Sort.Field)), cancellationToken);
        var page = rows.Take(limit).ToArray();
        var next = rows.Count > limit ? new CustomerCursor(query.Sort, page[^1].SortValue, page[^1].Row.Id).Encode() : null;
        return new CustomerListPage(page.Select(item => item.Row).ToArray(), next);
    }

    /// <param name="searchIndex">On SQLite, look the search up in the trigram index rather than test each row in sort order.</param>
    private void AddFilters(CustomerListQuery query, bool searchIndex, List<string> where, List<(string Name, object Value)> parameters)
    {
        if (query.Ids.Count > 0)
        {
            where.Add(OneOf("id", query.Ids, parameters));
        }

        if (query.Search is { Length: > 0 } search)
        {
            var lowered = search.ToLowerInvariant();
            if (!searchIndex)
            {
                // PostgreSQL's planner picks between its trigram index and the sort index itself. On SQLite this is a walk
                // in sort order testing each row: for text too short for a trigram, or so common the page fills early.
                parameters.Add(("search", "%" + lowered.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%"));
                where.Add("search LIKE @search ESCAPE '\\'");
            }
            else
            {
                parameters.Add(("search", TrigramSearch.Phrase(lowered)));
                where.Add(
                    "id IN (SELECT k.id FROM crm_customer_search_keys k WHERE k.workspace = @workspace "
                    + "AND k.row IN (SELECT rowid FROM crm_customer_search WHERE crm_customer_search MATCH @search))");
            }
        }

        if (query.Tags.Count > 0)
        {
            where.Add(SetMembership("tags", query.Tags, query.AllTags, "tag", parameters));
        }

        if (query.Segment is { } segment)
        {
            where.Add(SetMembership("segments", [segment], all: true, "segment", parameters));
        }

        if (query.Channel is { } channel)
        {
            where.Add(SetMembership("channels", [channel], all: true, "channel", parameters));
        }

        if (query.Intent is { } intent)
        {
            parameters.Add(("intent", ReadModelNames.Of(intent)));
            where.Add("intent = @intent");
        }

        Range("ltv", query.LtvMin is { } ltvMin ? Number(ltvMin) : null, query.LtvMax is { } ltvMax ? Number(ltvMax) : null, where, parameters);
        Range("conversations", query.ConversationsMin, query.ConversationsMax, where, parameters);
        Range("orders", query.OrdersMin, null, where, parameters);
        Range("first_seen", Instant(query.CreatedAfter), Instant(query.CreatedBefore), where, parameters);
    }

    private string SetMembership(string column, IReadOnlyList<string> members, bool all, string name, List<(string Name, object Value)> parameters)
    {
        var lowered = members.Select(member => member.ToLowerInvariant()).ToArray();
        if (Postgres)
        {
            parameters.Add((name, lowered));
            return $"{column} {(all ? "@>" : "&&")} @{name}";
        }

        var clauses = lowered.Select((member, i) =>
        {
            parameters.Add(($"{name}{i}", $"%|{member}|%"));
            return $"{column} LIKE @{name}{i}";
        });
        return $"({string.Join(all ? " AND " : " OR ", clauses)})";
    }

    private string OneOf(string column, IReadOnlyList<string> values, List<(string Name, object Value)> parameters)
    {
        if (Postgres)
        {
            parameters.Add((column, values.ToArray()));
            return $"{column} = ANY(@{column})";
        }

        var names = values.Select((value, i) =>
        {
            parameters.Add(($"{column}{i}", value));
            return $"@{column}{i}";
        });
        return $"{column} IN ({string.Join(", ", names)})";
    }

    private static void Range(string column, object? min, object? max, List<string> where, List<(string Name, object Value)> parameters)
    {
        if (min is not null)
        {
            parameters.Add(($"{column}_min", min));
            where.Add($"{column} >= @{column}_min");
        }

        if (max is not null)
        {
            parameters.Add(($"{column}_max", max));
            where.Add($"{column} <= @{column}_max");
        }
    }

    private string SortExpression(CustomerSortField field) => field switch
    {
        CustomerSortField.Name => "lower(coalesce(name, ''))",
        CustomerSortField.LastActive => "coalesce(last_active, first_seen)",
        CustomerSortField.FirstSeen => "first_seen",
        CustomerSortField.Conversations => "conversations",
        CustomerSortField.Messages => "messages",
        CustomerSortField.Ltv => "ltv",
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    private object Number(decimal value) => Postgres ? value : (double)value;

    private object? Instant(DateTimeOffset? value) => value is null ? null : Postgres ? value.Value.ToUniversalTime() : value.Value.ToUnixTimeMilliseconds();

    private object CursorValue(CustomerSortField field, string value) => field switch
    {
        CustomerSortField.Name => value,
        CustomerSortField.LastActive or CustomerSortField.FirstSeen => Instant(new DateTimeOffset(long.Parse(value, CultureInfo.InvariantCulture), TimeSpan.Zero))!,
        CustomerSortField.Ltv => Postgres ? decimal.Parse(value, CultureInfo.InvariantCulture) : double.Parse(value, CultureInfo.InvariantCulture),
        _ => int.Parse(value, CultureInfo.InvariantCulture),
    };

    private string SortValueOf(DbDataReader row, int ordinal, CustomerSortField field) => field switch
    {
        CustomerSortField.Name => row.GetString(ordinal),
        // Ticks, not milliseconds: PostgreSQL keeps microseconds, and a cursor rounded below a row's value would skip rows.
        CustomerSortField.LastActive or CustomerSortField.FirstSeen => InstantAt(row, ordinal)!.Value.UtcTicks.ToString(CultureInfo.InvariantCulture),
        CustomerSortField.Ltv => Postgres ? row.GetDecimal(ordinal).ToString(CultureInfo.InvariantCulture) : row.GetDouble(ordinal).ToString("R", CultureInfo.InvariantCulture),
        _ => row.GetInt32(ordinal).ToString(CultureInfo.InvariantCulture),
    };

    private CustomerListRow Map(DbDataReader row)
    {
        var name = row.IsDBNull(1) ? null : row.GetString(1);
        var email = row.IsDBNull(2) ? null : row.GetString(2);
        ReadModelNames.TryParseLifecycle(row.GetString(6), out var lifecycle);
        ReadModelNames.TryParseIntent(row.GetString(8), out var intent);
        return new CustomerListRow
        {
            Id = row.GetString(0),
            Name = name,
            Email = email,
            Phone = row.IsDBNull(3) ? null : row.GetString(3),
            Company = row.IsDBNull(4) ? null : row.GetString(4),
            AvatarUrl = row.IsDBNull(5) ? null : row.GetString(5),
            Initials = CustomerListRow.InitialsOf(name, email),
            Lifecycle = lifecycle,
            Tags = Postgres ? row.GetFieldValue<string[]>(7) : row.GetString(7).Split('|', StringSplitOptions.RemoveEmptyEntries),
            Intent = intent,
            LastActive = InstantAt(row, 9),
            FirstSeen = InstantAt(row, 10)!.Value,
            Conversations = row.GetInt32(11),
            Messages = row.GetInt32(12),
            Orders = row.GetInt32(13),
            LifetimeValue = Postgres ? row.GetDecimal(14) : (decimal)row.GetDouble(14),
            CsatAverage = row.IsDBNull(15) ? null : row.GetDouble(15),
        };
    }

    private DateTimeOffset? InstantAt(DbDataReader row, int ordinal) =>
        row.IsDBNull(ordinal) ? null
        : Postgres ? row.GetFieldValue<DateTimeOffset>(ordinal)
        : DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(ordinal));
}
