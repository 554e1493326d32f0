namespace Crm.Grains.ReadModel;

/// <summary>How read-model values are stored where the two SQL dialects differ.</summary>
internal static class SqlValues
{
    /// <summary>Joins set members for PostgreSQL's <c>string_to_array</c>; the unit separator cannot occur in a tag.</summary>
    public const string ArraySeparator = "\u001f";

    /// <summary>PostgreSQL's driver writes an instant to <c>timestamptz</c> only with a zero offset.</summary>
    public static DateTimeOffset Utc(DateTimeOffset value) => value.ToUniversalTime();

    public static DateTimeOffset? Utc(DateTimeOffset? value) => value?.ToUniversalTime();

    /// <summary>SQLite keeps instants as Unix milliseconds so they sort and compare as numbers.</summary>
    public static long? Milliseconds(DateTimeOffset? value) => value?.ToUnixTimeMilliseconds();

    /// <summary>SQLite keeps sets as <c>|a|b|</c> so membership is a LIKE on <c>%|a|%</c>.</summary>
    public static string Delimited(IEnumerable<string> members)
    {
        var joined = string.Join('|', members);
        return joined.Length == 0 ? string.Empty : $"|{joined}|";
    }
}
