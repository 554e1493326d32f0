using System.Text.Json.Serialization;
using Crm.Grains.Serialization;
using Orleans;
using Orleans.Concurrency;
namespace Crm.Grains.Customers;

[JsonConverter(typeof(SnakeCaseEnumConverter<AttributeKind>))]
[GenerateSerializer]
[Alias("crm.AttributeKind")]
public enum AttributeKind
{
    String,
    Number,
    Boolean,
    Date,
}

/// <summary>A typed custom attribute value: exactly one of the value properties is set, matching <see cref="Kind"/>.</summary>
[GenerateSerializer]
[Immutable]
[Alias("crm.AttributeValue")]
public sealed record AttributeValue
{
    [Id(0)]
    public required AttributeKind Kind { get; init; }

    [Id(1)]
    public string? Text { get; init; }

    [Id(2)]
    public decimal? Number { get; init; }

    [Id(3)]
    public bool? Boolean { get; init; }

    [Id(4)]
    public DateOnly? Date { get; init; }

    public static AttributeValue Of(string value) => new() { Kind = AttributeKind.String, Text = value };

    public static AttributeValue Of(decimal value) => new() { Kind = AttributeKind.Number, Number = value };

    public static AttributeValue Of(bool value) => new() { Kind = AttributeKind.Boolean, Boolean = value };

    public static AttributeValue Of(DateOnly value) => new() { Kind = AttributeKind.Date, Date = value };
}
