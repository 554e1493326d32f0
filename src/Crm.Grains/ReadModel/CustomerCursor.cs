using System.Globalization;
using System.Text;

namespace Crm.Grains.ReadModel;

/// <summary>
/// Where a page ended: the sort field, its direction, the last row's sort value and id, opaque to clients (base64url).
/// A cursor from another sort order is refused rather than silently misread.
/// </summary>
public sealed record CustomerCursor(CustomerSort Sort, string Value, string Id)
{
    public string Encode() =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{(int)Sort.Field}|{(Sort.Descending ? 1 : 0)}|{Id}|{Value}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static CustomerCursor? TryDecode(string text, CustomerSort expected)
    {
        try
        {
            var padded = text.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split('|', 4);
            if (parts.Length != 4 || int.Parse(parts[0], CultureInfo.InvariantCulture) != (int)expected.Field || (parts[1] == "1") != expected.Descending)
            {
                return null;
            }

            return new CustomerCursor(expected, parts[3], parts[2]);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
