using System.Text.Json;
using Crm.Grains.ReadModel;
using Crm.Grains.Validation;
using Microsoft.Extensions.Primitives;

namespace Crm.Web.Customers;

/// <summary>
/// A JSON filter written as the list's query parameters, so that <see cref="CustomerListParameters.ParseFilters"/> reads
/// both with the same rules: the same names, a string or number for each, an array of strings for the repeatable
/// <c>lifecycle</c> and <c>tag</c>. Errors name the field inside the filter (<c>filter.ltvMin</c>).
/// </summary>
public static class CustomerFilterJson
{
    private static readonly HashSet<string> Repeatable = new(["lifecycle", "tag"], StringComparer.Ordinal);

    public static (CustomerListQuery? Query, ValidationError? Error) Parse(string field, IReadOnlyDictionary<string, JsonElement> filter)
    {
        var parameters = new Dictionary<string, StringValues>(StringComparer.Ordinal);
        foreach (var (name, value) in filter)
        {
            if (!CustomerListParameters.FilterNames.Contains(name))
            {
                return (null, new ValidationError($"{field}.{name}", $"is not a filter; filters are {string.Join(", ", CustomerListParameters.FilterNames)}"));
            }

            if (Values(name, value) is not { } values)
            {
                return (null, new ValidationError(
                    $"{field}.{name}",
                    Repeatable.Contains(name) ? "must be a string or an array of strings" : "must be a string or a number"));
            }

            parameters[name] = values;
        }

        var (query, error) = CustomerListParameters.ParseFilters(new QueryCollection(parameters));
        return error is null
            ? (query, null)
            : (null, error with { Field = $"{field}.{error.Field}" });
    }

    private static StringValues? Values(string name, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => (StringValues?)StringValues.Empty,
        JsonValueKind.String => new StringValues(value.GetString()),
        JsonValueKind.Number => new StringValues(value.GetRawText()),
        JsonValueKind.Array when Repeatable.Contains(name) && value.EnumerateArray().All(item => item.ValueKind == JsonValueKind.String)
            => new StringValues(value.EnumerateArray().Select(item => item.GetString()).ToArray()),
        _ => null,
    };
}
