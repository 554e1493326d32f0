using System.Globalization;

namespace Crm.Web.Demo;

/// <summary>
/// Where a country's demo phone numbers come from: national prefixes that any <see cref="FreeDigits"/> digits complete
/// into a number valid for that country (libphonenumber's rules; the demo tests check them), enough of them to hold
/// <see cref="DemoOptions.MaxCustomers"/> distinct numbers.
/// </summary>
public sealed record DemoPhonePlan(IReadOnlyList<string> Prefixes, int FreeDigits)
{
    /// <summary>The E.164 number of <paramref name="unique"/> (0 to <see cref="DemoOptions.MaxCustomers"/> − 1): distinct values give distinct numbers.</summary>
    public string Number(string callingCode, long unique)
    {
        var block = (long)Math.Pow(10, FreeDigits);
        return $"+{callingCode}{Prefixes[(int)(unique / block)]}{(unique % block).ToString(new string('0', FreeDigits), CultureInfo.InvariantCulture)}";
    }

    public long Capacity => Prefixes.Count * (long)Math.Pow(10, FreeDigits);
}
