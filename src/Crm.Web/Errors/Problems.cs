using Crm.Grains.Validation;

namespace Crm.Web.Errors;

/// <summary>Validation problems in one shape: <c>errors</c> maps each failing field to the rules it broke.</summary>
public static class Problems
{
    public static Dictionary<string, string[]> Errors(ValidationError error) => new() { [error.Field] = [error.Rule] };

    public static IResult Invalid(string field, string rule) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [rule] }, detail: $"{field}: {rule}");

    public static IResult Invalid(ValidationError error) => Invalid(error.Field, error.Rule);
}
