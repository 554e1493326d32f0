using System.Globalization;
using System.Text;
using Crm.Grains.Customers;

namespace Crm.Grains.ReadModel;

/// <summary>
/// Where a page ended: the sort field, its direction, the last row's sort value and id, opaque to clients (base64url).
/// A cursor from another sort order is refused rather than silently misread.
/// </summary>
public sealed record CustomerCursor(CustomerSort Sort, string Value, string Id)
{
    public string Encode() =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{(int)Sort.Field}|{(Sort.Descending ? 1 : 0)}|{Id}|{Value}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>
    /// The cursor, or null when the text is not one of <paramref name="expected"/>'s order. Its id and sort value are checked
    /// and written in canonical form here, so a forged cursor is refused as bad input and never reaches a query.
    /// </summary>
    public static CustomerCursor? TryDecode(string text, CustomerSort expected)
    {
        string[] parts;
        try
        {
            var padded = text.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split('|', 4);
        }
        catch (FormatException)
        {
            return null;
        }

        if (parts.Length != 4
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var field) || field != (int)expected.Field
            || (parts[1] == "1") != expected.Descending
            || !CustomerIds.IsValid(parts[2]))
        {
            return null;
        }

        return CanonicalValue(expected.Field, parts[3]) is { } value ? new CustomerCursor(expected, value, parts[2]) : null;
    }

    private static string? CanonicalValue(CustomerSortField field, string value) => field switch
    {
        CustomerSortField.Name => value.Any(char.IsControl) ? null : value,
        CustomerSortField.LastActive or CustomerSortField.FirstSeen =>
            long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTimeOffset.MaxValue.UtcTicks
                ? ticks.ToString(CultureInfo.InvariantCulture)
                : null,
        CustomerSortField.Ltv => decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) ? amount.ToString(CultureInfo.InvariantCulture) : null,
        _ => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count.ToString(CultureInfo.InvariantCulture) : null,
    };
}
