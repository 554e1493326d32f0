namespace Crm.Grains.Identities;

/// <summary>Channel names as keys, the read model and the API write them: lower-case.</summary>
public static class ChannelNames
{
    public static string Of(Channel channel) => channel.ToString().ToLowerInvariant();

    public static bool TryParse(string? name, out Channel channel) =>
        Enum.TryParse(name, ignoreCase: true, out channel) && Enum.IsDefined(channel) && !int.TryParse(name, out _);
}
