using System.Text.Json.Serialization;
using Crm.Grains.Serialization;
namespace Crm.Grains.Customers;

[JsonConverter(typeof(SnakeCaseEnumConverter<AttributeKind>))]
public enum AttributeKind
{
    String,
    Number,
    Boolean,
    Date,
}

/// <summary>A typed custom attribute value: exactly one of the value properties is set, matching <see cref="Kind"/>.</summary>
public sealed record AttributeValue
{
    public required AttributeKind Kind { get; init; }

    public string? Text { get; init; }

    public decimal? Number { get; init; }

    public bool? Boolean { get; init; }

    public DateOnly? Date { get; init; }

    public static AttributeValue Of(string value) => new() { Kind = AttributeKind.String, Text = value };

    public static AttributeValue Of(decimal value) => new() { Kind = AttributeKind.Number, Number = value };

    public static AttributeValue Of(bool value) => new() { Kind = AttributeKind.Boolean, Boolean = value };

    public static AttributeValue Of(DateOnly value) => new() { Kind = AttributeKind.Date, Date = value };
}
