using System.Globalization;
using Crm.Grains.Customers;
using Crm.Grains.Identities;
using Crm.Grains.ReadModel;
using Crm.Grains.Validation;

namespace Crm.Web.Customers;

/// <summary>Reads the list's query string into a <see cref="CustomerListQuery"/>, or names the first parameter and rule it breaks.</summary>
public static class CustomerListParameters
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;
    public const int MaxSearchLength = 200;

    /// <summary>Customers one list request may name: a screenful of rows with room to spare.</summary>
    public const int MaxIds = 500;

    private static readonly Dictionary<string, CustomerSortField> SortFields = new(StringComparer.Ordinal)
    {
        ["name"] = CustomerSortField.Name,
        ["lastActive"] = CustomerSortField.LastActive,
        ["firstSeen"] = CustomerSortField.FirstSeen,
        ["conversations"] = CustomerSortField.Conversations,
        ["messages"] = CustomerSortField.Messages,
        ["ltv"] = CustomerSortField.Ltv,
    };

    /// <summary>The names of the parameters that filter the list (everything but <c>sort</c>, <c>limit</c> and <c>cursor</c>).</summary>
    public static readonly IReadOnlyList<string> FilterNames =
    [
        "q", "lifecycle", "tag", "tagMode", "segment", "intent", "channel", "ltvMin", "ltvMax",
        "conversationsMin", "conversationsMax", "ordersMin", "createdAfter", "createdBefore",
    ];

    public static (CustomerListQuery? Query, CustomerCursor? Cursor, int Limit, ValidationError? Error) Parse(IQueryCollection parameters)
    {
        try
        {
            var query = Query(parameters) with { Ids = Ids(parameters) };
            var limit = Integer(parameters, "limit") ?? DefaultLimit;
            if (limit is < 1 or > MaxLimit)
            {
                throw Invalid("limit", $"must be between 1 and {MaxLimit}");
            }

            CustomerCursor? cursor = null;
            if (parameters["cursor"].ToString() is { Length: > 0 } text)
            {
                cursor = CustomerCursor.TryDecode(text, query.Sort) ?? throw Invalid("cursor", "is not a cursor of this sort order");
            }

            return (query, cursor, limit, null);
        }
        catch (DomainValidationException invalid)
        {
            return (null, null, 0, invalid.Error);
        }
    }

    /// <summary>
    /// The filters and sort alone, for callers that go through every matching customer rather than one page: the CSV
    /// export reads them from its query string, bulk actions from a JSON filter turned into parameters.
    /// </summary>
    public static (CustomerListQuery? Query, ValidationError? Error) ParseFilters(IQueryCollection parameters)
    {
        try
        {
            return (Query(parameters), null);
        }
        catch (DomainValidationException invalid)
        {
            return (null, invalid.Error);
        }
    }

    private static CustomerListQuery Query(IQueryCollection parameters) => new()
    {
        Search = Text(parameters, "q", MaxSearchLength),
        Lifecycles = parameters["lifecycle"].Select(value => ReadModelNames.TryParseLifecycle(value, out var stage) ? stage : throw Invalid("lifecycle", $"'{value}' is not a lifecycle stage")).ToArray(),
        Tags = parameters["tag"].Select(value => ProfileRules.Tag(value?.Trim(), "tag") is { } error ? throw new DomainValidationException(error) : ProfileRules.NormalizeTag(value!)).ToArray(),
        AllTags = parameters["tagMode"].ToString() switch
        {
            "" or "any" => false,
            "all" => true,
            _ => throw Invalid("tagMode", "must be any or all"),
        },
        Segment = Text(parameters, "segment", 100),
        Intent = parameters["intent"].ToString() is { Length: > 0 } intent
            ? ReadModelNames.TryParseIntent(intent, out var parsed) ? parsed : throw Invalid("intent", $"'{intent}' is not an intent")
            : null,
        Channel = parameters["channel"].ToString() is { Length: > 0 } channel
            ? ChannelNames.TryParse(channel, out var known) ? ChannelNames.Of(known) : throw Invalid("channel", $"'{channel}' is not a channel")
            : null,
        LtvMin = Decimal(parameters, "ltvMin"),
        LtvMax = Decimal(parameters, "ltvMax"),
        ConversationsMin = Integer(parameters, "conversationsMin"),
        ConversationsMax = Integer(parameters, "conversationsMax"),
        OrdersMin = Integer(parameters, "ordersMin"),
        CreatedAfter = Instant(parameters, "createdAfter"),
        CreatedBefore = Instant(parameters, "createdBefore"),
        Sort = Sort(parameters["sort"].ToString()),
    };

    /// <summary>The repeated <c>ids</c> parameter without repeats, in order, or the rule it breaks.</summary>
    public static (string[]? Ids, ValidationError? Error) ParseIds(IQueryCollection parameters, int max)
    {
        var ids = parameters["ids"];
        var invalid = ids.Select((id, index) => CustomerIds.IsValid(id) ? -1 : index).FirstOrDefault(index => index >= 0, -1);
        return ids.Count switch
        {
            var count when count > max => (null, new ValidationError("ids", string.Create(CultureInfo.InvariantCulture, $"must name at most {max:N0} customers"))),
            _ when invalid >= 0 => (null, new ValidationError("ids", $"item {invalid + 1} is not a customer id (32 lower-case hex digits)")),
            _ => (ids.OfType<string>().Distinct(StringComparer.Ordinal).ToArray(), null),
        };
    }

    /// <summary>Only the list reads ids among its filters: the CSV export names customers instead of filtering, and bulk actions take ids beside the filter.</summary>
    private static string[] Ids(IQueryCollection parameters)
    {
        var (ids, error) = ParseIds(parameters, MaxIds);
        return error is null ? ids! : throw new DomainValidationException(error);
    }

    private static CustomerSort Sort(string value)
    {
        if (value.Length == 0)
        {
            return new CustomerSort(CustomerSortField.LastActive, Descending: true);
        }

        var descending = value.StartsWith('-');
        return SortFields.TryGetValue(descending ? value[1..] : value, out var field)
            ? new CustomerSort(field, descending)
            : throw Invalid("sort", $"must be one of {string.Join(", ", SortFields.Keys.SelectMany(key => new[] { key, "-" + key }))}");
    }

    private static string? Text(IQueryCollection parameters, string name, int maxLength)
    {
        var value = parameters[name].ToString();
        return value.Length == 0 ? null
            : ProfileRules.Text(value, maxLength, name) is { } error ? throw new DomainValidationException(error)
            : value.Trim();
    }

    private static int? Integer(IQueryCollection parameters, string name) =>
        parameters[name].ToString() is { Length: > 0 } value
            ? int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : throw Invalid(name, "must be a whole number from 0 to 2147483647")
            : null;

    private static decimal? Decimal(IQueryCollection parameters, string name) =>
        parameters[name].ToString() is { Length: > 0 } value
            ? decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) && number <= 1_000_000_000_000m ? number : throw Invalid(name, "must be a non-negative number")
            : null;

    private static DateTimeOffset? Instant(IQueryCollection parameters, string name) =>
        parameters[name].ToString() is { Length: > 0 } value
            ? DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) && instant.Year is >= 1900 and <= 2200
                ? instant
                : throw Invalid(name, "must be an ISO 8601 date or instant")
            : null;

    private static DomainValidationException Invalid(string field, string rule) => new(new ValidationError(field, rule));
}
