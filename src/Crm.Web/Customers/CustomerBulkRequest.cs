using System.Text.Json;

namespace Crm.Web.Customers;

/// <summary>
/// <c>POST /customers/bulk</c>: an <see cref="Action"/>, the customers as exactly one of <see cref="Ids"/> or
/// <see cref="Filter"/> (the list's filters by their query-parameter names), and the action's argument:
/// <see cref="Lifecycle"/>, <see cref="Tags"/> or <see cref="SegmentId"/>.
/// </summary>
public sealed record CustomerBulkRequest(
    string? Action,
    IReadOnlyList<string?>? Ids,
    Dictionary<string, JsonElement>? Filter,
    string? Lifecycle,
    IReadOnlyList<string?>? Tags,
    string? SegmentId);
