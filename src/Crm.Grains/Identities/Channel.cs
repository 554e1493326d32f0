namespace Crm.Grains.Identities;

/// <summary>The channels a customer can be reached on; each has its own identity normalization.</summary>
public enum Channel
{
    Whatsapp,
    Sms,
    Phone,
    Email,
    Widget,
    Instagram,
}
