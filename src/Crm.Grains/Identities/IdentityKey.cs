using Crm.Grains.Ingest;
using Crm.Grains.Workspaces;

namespace Crm.Grains.Identities;

/// <summary>An identity grain's key: <c>{workspace}/{channel}/{normalized value}</c>. The value may itself hold slashes.</summary>
public static class IdentityKey
{
    public static string For(string workspaceId, ChannelIdentity identity) =>
        WorkspaceKeys.Compose(workspaceId, ChannelNames.Of(identity.Channel), identity.Value);

    public static (string Workspace, ChannelIdentity Identity) Parse(string key)
    {
        var parts = key.Split(WorkspaceKeys.Separator, 3);
        if (parts.Length != 3 || !ChannelNames.TryParse(parts[1], out var channel))
        {
            throw new ArgumentException($"'{key}' is not an identity key", nameof(key));
        }

        return (parts[0], new ChannelIdentity(channel, parts[2]));
    }
}
