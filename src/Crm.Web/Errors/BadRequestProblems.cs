using System.Text.Json;
using System.Text.RegularExpressions;

namespace Crm.Web.Errors;

/// <summary>
/// Describes a request the framework refused before an endpoint ran (JSON that does not parse or fit, a parameter that
/// does not bind, a body too large or of the wrong type) as a problem naming the field and the rule.
/// </summary>
/// <remarks>
/// System.Text.Json and the minimal-API binder report these only through exception messages, which also name .NET types;
/// the messages are read here so that clients get the field and a rule, never a type name.
/// </remarks>
public static partial class BadRequestProblems
{
    public const string BodyField = "body";

    public static (string Title, string Detail, Dictionary<string, string[]>? Errors) Describe(BadHttpRequestException exception)
    {
        switch (exception.StatusCode)
        {
            case StatusCodes.Status413PayloadTooLarge:
                return ("Request body too large", $"The request body is larger than {CrmApplication.MaxRequestBodyBytes} bytes.", null);
            case StatusCodes.Status415UnsupportedMediaType:
                return ("Unsupported media type", "Send the request body as application/json.", null);
        }

        var (field, rule) = exception.InnerException is JsonException json ? FromJson(json) : FromBinding(exception.Message);
        return ("Invalid input", $"{field}: {rule}", new Dictionary<string, string[]> { [field] = [rule] });
    }

    private static (string Field, string Rule) FromJson(JsonException exception)
    {
        var message = exception.Message;
        var field = FieldOf(exception.Path);
        if (UnmappedMember().Match(message) is { Success: true } unmapped)
        {
            var member = Shortened(unmapped.Groups["member"].Value);
            return (field == BodyField || field.EndsWith(member, StringComparison.Ordinal) ? field : $"{field}.{member}", $"'{member}' is not a known member");
        }

        if (MissingRequired().Match(message) is { Success: true } missing)
        {
            return (field, $"is missing the required member {missing.Groups["members"].Value}");
        }

        if (message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
        {
            return (field, "has the wrong type or an out-of-range value");
        }

        var reason = message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].Trim();
        return (field, reason.Length == 0 || reason.Contains("System.", StringComparison.Ordinal) || reason.Contains("Crm.", StringComparison.Ordinal)
            ? "is not valid JSON for this field"
            : $"is not valid JSON: {reason}");
    }

    private static (string Field, string Rule) FromBinding(string message)
    {
        if (message.Contains("body", StringComparison.OrdinalIgnoreCase))
        {
            return (BodyField, "is required: a JSON object");
        }

        return BoundParameter().Match(message) is { Success: true } parameter
            ? (parameter.Groups["name"].Value, "is not a valid value for this parameter")
            : ("request", "is not valid");
    }

    /// <summary>Echoed input is cut short: a hostile member name could be megabytes long.</summary>
    private static string Shortened(string text) => text.Length <= 100 ? text : text[..100] + "…";

    /// <summary><c>$.events[0].score</c> → <c>events[0].score</c>; the root (<c>$</c>) is the body itself.</summary>
    private static string FieldOf(string? path) =>
        Shortened(path is null or "$" ? BodyField : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$'));

    [GeneratedRegex(@"The JSON property '(?<member>[^']*)' could not be mapped")]
    private static partial Regex UnmappedMember();

    [GeneratedRegex(@"missing required properties[^:]*: (?<members>[^.]*)")]
    private static partial Regex MissingRequired();

    [GeneratedRegex(@"parameter ""(?:[^""]* )?(?<name>\w+)""")]
    private static partial Regex BoundParameter();
}
