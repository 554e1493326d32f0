using System.Globalization;
using System.Text;

namespace Crm.Grains.Segments;

/// <summary>A value written in a rule. <see cref="ToString"/> gives it back in rule syntax.</summary>
internal abstract record Literal(int Column);

internal sealed record StringLiteral(int Column, string Value) : Literal(Column)
{
    public override string ToString() => Quote(Value);

    public static string Quote(string value)
    {
        var quoted = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }
}

internal sealed record NumberLiteral(int Column, decimal Value) : Literal(Column)
{
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

internal sealed record BooleanLiteral(int Column, bool Value) : Literal(Column)
{
    public override string ToString() => Value ? "true" : "false";
}

/// <summary>Written only to be refused with a pointer to <c>is null</c>.</summary>
internal sealed record NullLiteral(int Column) : Literal(Column)
{
    public override string ToString() => "null";
}

/// <summary>An unquoted word: the name of a lifecycle stage, an intent or a channel.</summary>
internal sealed record WordLiteral(int Column, string Word) : Literal(Column)
{
    public override string ToString() => Word;
}

/// <summary>A day (<c>2026-01-31</c>, midnight UTC to midnight UTC) or an instant (<c>2026-01-31T09:30:00Z</c>).</summary>
internal sealed record DateLiteral(int Column, DateTimeOffset Value, bool IsDay) : Literal(Column)
{
    private static readonly string[] InstantFormats =
    [
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    public DateTimeOffset DayEnd => Value.AddDays(1);

    public override string ToString() => IsDay
        ? Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>Instants without an offset are UTC, like days.</summary>
    public static DateLiteral? TryParse(string text, int column)
    {
        if (DateTimeOffset.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var day))
        {
            return new DateLiteral(column, day, IsDay: true);
        }

        return DateTimeOffset.TryParseExact(text, InstantFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? new DateLiteral(column, instant.ToUniversalTime(), IsDay: false)
            : null;
    }
}

/// <summary>A whole number of days or hours, for <c>within</c> and <c>older_than</c>.</summary>
internal sealed record DurationLiteral(int Column, int Amount, char Unit) : Literal(Column)
{
    public TimeSpan Span => Unit == 'd' ? TimeSpan.FromDays(Amount) : TimeSpan.FromHours(Amount);

    public override string ToString() => $"{Amount}{Unit}";
}
