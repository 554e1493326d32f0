namespace Crm.Grains.Customers;

public static class CustomerIds
{
    /// <summary>Time-ordered (UUID v7) so ids sort roughly by creation, written as 32 hex digits.</summary>
    public static string New() => Guid.CreateVersion7().ToString("N");

    public static bool IsValid(string? id) => id is { Length: 32 } && id.All(char.IsAsciiHexDigitLower);
}
