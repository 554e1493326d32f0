namespace Crm.Grains.Segments;

internal enum FieldKind
{
    Text,
    Lifecycle,
    Intent,
    Sentiment,
    Integer,
    Real,
    Money,
    Set,
    Timestamp,
    Attribute,
}

/// <summary>A field rules can read: its rule name, what kind of value it holds, and the <see cref="Customers.CustomerSnapshot"/> property behind it.</summary>
internal sealed record FieldDefinition(string Name, FieldKind Kind, string Property, bool IsNullable)
{
    /// <summary>What the field holds, as an error message puts it ("'ltv' is a number").</summary>
    public string Describe() => Kind switch
    {
        FieldKind.Text => "a string",
        FieldKind.Lifecycle => "a lifecycle stage",
        FieldKind.Intent => "an intent",
        FieldKind.Sentiment => "a sentiment",
        FieldKind.Integer or FieldKind.Real or FieldKind.Money => "a number",
        FieldKind.Set => "a set of strings",
        FieldKind.Timestamp => "a date",
        _ => "a custom attribute",
    };

    public override string ToString() => Name;
}
