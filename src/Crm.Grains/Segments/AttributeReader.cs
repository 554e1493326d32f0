using Crm.Grains.Customers;

namespace Crm.Grains.Segments;

/// <summary>
/// Reads a custom attribute as the kind a rule compares it with; an attribute that is missing or holds another kind reads
/// as null, which makes every comparison with it false. Called from compiled rules.
/// </summary>
internal static class AttributeReader
{
    public static string? Text(CustomerSnapshot customer, string name) =>
        Find(customer, name, AttributeKind.String)?.Text;

    public static decimal? Number(CustomerSnapshot customer, string name) =>
        Find(customer, name, AttributeKind.Number)?.Number;

    public static bool? Boolean(CustomerSnapshot customer, string name) =>
        Find(customer, name, AttributeKind.Boolean)?.Boolean;

    /// <summary>The day as <see cref="DateOnly.DayNumber"/>, so comparisons are on ints.</summary>
    public static int? Day(CustomerSnapshot customer, string name) =>
        Find(customer, name, AttributeKind.Date)?.Date?.DayNumber;

    public static bool IsMissing(CustomerSnapshot customer, string name) =>
        !customer.Attributes.TryGetValue(name, out var value) || value.Kind switch
        {
            AttributeKind.String => value.Text is null,
            AttributeKind.Number => value.Number is null,
            AttributeKind.Boolean => value.Boolean is null,
            _ => value.Date is null,
        };

    private static AttributeValue? Find(CustomerSnapshot customer, string name, AttributeKind kind) =>
        customer.Attributes.TryGetValue(name, out var value) && value.Kind == kind ? value : null;
}
