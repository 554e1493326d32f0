namespace Crm.Web.Tests.Durability;

/// <summary>A customer as a channel adapter knows it: a channel and the identity written as the adapter sends it.</summary>
public sealed record Sender(string Channel, string Identity)
{
    public static Sender Email(string prefix, int number) => new("email", $"{prefix}-{number}@example.com");

    /// <summary>Written with spaces, as adapters send phone numbers; the service stores it in E.164.</summary>
    public static Sender Whatsapp(int number) => new("whatsapp", $"+1 415 555 {number:0000}");
}
