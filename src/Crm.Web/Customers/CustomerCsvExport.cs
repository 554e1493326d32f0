using System.Globalization;
using Crm.Grains.Customers;
using Crm.Grains.Intents;
using Crm.Grains.ReadModel;
using Crm.Grains.Validation;
using Crm.Grains.Workspaces;
using Orleans;
using Crm.Web.Access;
using Crm.Web.Errors;
using CsvHelper;

namespace Crm.Web.Customers;

/// <summary>
/// <c>GET /customers/export.csv</c>: every customer the list's filters select, in the list's sort order, or the customers
/// named by repeated <c>ids</c> in that order, as CSV with a header row. Filters are checked before the first byte is
/// written; rows are read a page at a time through the list's keyset cursor and flushed per page, so memory stays flat
/// whatever the size. Text that a spreadsheet would run as a formula (starting with <c>=</c>, <c>+</c>, <c>-</c>,
/// <c>@</c>, tab or CR) is written with a leading <c>'</c>, which spreadsheets show as text.
/// </summary>
public static class CustomerCsvExport
{
    public const int PageSize = 500;

    public const int MaxIds = CustomerBulkEndpoints.MaxCustomersPerRequest;

    /// <summary>Customers read at once when exporting by ids.</summary>
    private const int IdBatchSize = 50;

    private static readonly string[] Header =
    [
        "id", "name", "email", "phone", "company", "lifecycle", "intent", "tags", "lastActive", "firstSeen",
        "conversations", "messages", "orders", "ltv", "csatAverage",
    ];

    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with { Injection = CsvInjection.Escape };

    public static RouteGroupBuilder MapCustomerCsvExport(this RouteGroupBuilder api)
    {
        api.MapGet("/customers/export.csv", Export).RequireAuthorization(CrmPolicies.Agent).WithTags("Customers");
        return api;
    }

    private static IResult Export(ICustomerListQueries queries, IGrainFactory grains, HttpContext context)
    {
        var parameters = context.Request.Query;
        if (new[] { "limit", "cursor" }.FirstOrDefault(parameters.ContainsKey) is { } paging)
        {
            return Problems.Invalid(paging, "the export holds every matching customer and takes no limit or cursor");
        }

        var workspace = context.User.WorkspaceId();
        var cancellation = context.RequestAborted;
        if (parameters.ContainsKey("ids"))
        {
            var (ids, idsError) = Ids(parameters);
            return idsError is not null
                ? Problems.Invalid(idsError)
                : Csv(csv => WriteCustomersAsync(csv, grains, workspace, ids!, cancellation));
        }

        var (query, error) = CustomerListParameters.ParseFilters(parameters);
        return error is not null
            ? Problems.Invalid(error)
            : Csv(csv => WriteListAsync(csv, queries, workspace, query!, cancellation));
    }

    private static (IReadOnlyList<string>? Ids, ValidationError? Error) Ids(IQueryCollection parameters)
    {
        if (CustomerListParameters.FilterNames.Append("sort").FirstOrDefault(parameters.ContainsKey) is { } filter)
        {
            return (null, new ValidationError("ids", $"cannot be combined with {filter}: export either the customers a filter selects or those named"));
        }

        return CustomerListParameters.ParseIds(parameters, MaxIds);
    }

    private static IResult Csv(Func<CsvWriter, Task> writeRows) => Results.Stream(
        async body =>
        {
            await using var csv = CsvWriter.Create(body, Options, leaveOpen: true);
            csv.WriteHeader(Header);
            await writeRows(csv);
            await csv.FlushAsync();
        },
        "text/csv; charset=utf-8",
        $"customers-{DateTimeOffset.UtcNow:yyyy-MM-dd}.csv");

    private static async Task WriteListAsync(CsvWriter csv, ICustomerListQueries queries, string workspace, CustomerListQuery query, CancellationToken cancellationToken)
    {
        CustomerCursor? cursor = null;
        do
        {
            var page = await queries.ListAsync(workspace, query, cursor, PageSize, cancellationToken);
            foreach (var row in page.Rows)
            {
                await WriteRowAsync(csv, row, cancellationToken);
            }

            await csv.FlushAsync(cancellationToken);
            cursor = page.NextCursor is { } next ? CustomerCursor.TryDecode(next, query.Sort) : null;
        }
        while (cursor is not null);
    }

    /// <summary>Unknown ids are left out; ids merged into one survivor give its row once.</summary>
    private static async Task WriteCustomersAsync(CsvWriter csv, IGrainFactory grains, string workspace, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var batch in ids.Chunk(IdBatchSize))
        {
            var customers = await Task.WhenAll(batch.Select(id => grains.GetGrain<ICustomerGrain>(WorkspaceKeys.Compose(workspace, id)).Get()));
            foreach (var customer in customers.OfType<CustomerView>().Where(customer => written.Add(customer.Id)))
            {
                await WriteRowAsync(csv, RowOf(customer), cancellationToken);
            }

            await csv.FlushAsync(cancellationToken);
        }
    }

    private static CustomerListRow RowOf(CustomerView customer) => new()
    {
        Id = customer.Id,
        Name = customer.Profile.Name,
        Email = customer.Profile.Email,
        Phone = customer.Profile.Phone,
        Company = customer.Profile.Company,
        Initials = CustomerListRow.InitialsOf(customer.Profile.Name, customer.Profile.Email),
        Lifecycle = customer.Lifecycle,
        Intent = customer.Intent.Intent,
        Tags = customer.Tags,
        LastActive = customer.LastActive,
        FirstSeen = customer.FirstSeen,
        Conversations = customer.Conversations,
        Messages = customer.Messages,
        Orders = customer.Orders,
        LifetimeValue = customer.LifetimeValue,
        CsatAverage = customer.CsatAverage,
    };

    private static async Task WriteRowAsync(CsvWriter csv, CustomerListRow row, CancellationToken cancellationToken)
    {
        csv.WriteField(row.Id);
        csv.WriteField(row.Name);
        csv.WriteField(row.Email);
        csv.WriteField(row.Phone);
        csv.WriteField(row.Company);
        csv.WriteField(ReadModelNames.Of(row.Lifecycle));
        csv.WriteField(row.Intent.Label());
        csv.WriteField(string.Join(';', row.Tags));
        csv.WriteField(row.LastActive, default);
        csv.WriteField(row.FirstSeen, default);
        csv.WriteField(row.Conversations, default);
        csv.WriteField(row.Messages, default);
        csv.WriteField(row.Orders, default);
        csv.WriteField(row.LifetimeValue, default);
        csv.WriteField(row.CsatAverage, default);
        await csv.EndRecordAsync(cancellationToken);
    }
}
