namespace Crm.Grains.Workspaces;

/// <summary>
/// Every grain key starts with its workspace id and a slash, so nothing is ever addressed across workspaces.
/// Workspace ids are 1 to 40 lower-case letters, digits or dashes.
/// </summary>
public static class WorkspaceKeys
{
    public const char Separator = '/';

    public static bool IsValidWorkspaceId(string? id) =>
        id is { Length: > 0 and <= 40 } && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    public static string Compose(string workspaceId, params string[] parts) =>
        IsValidWorkspaceId(workspaceId)
            ? string.Join(Separator, [workspaceId, .. parts])
            : throw new ArgumentException($"'{workspaceId}' is not a workspace id", nameof(workspaceId));

    /// <summary>The workspace a grain key belongs to.</summary>
    public static string WorkspaceOf(string grainKey)
    {
        var separator = grainKey.IndexOf(Separator);
        return separator > 0 ? grainKey[..separator] : grainKey;
    }

    /// <summary>The part of a grain key after its workspace id.</summary>
    public static string LocalPartOf(string grainKey)
    {
        var separator = grainKey.IndexOf(Separator);
        return separator > 0 ? grainKey[(separator + 1)..] : string.Empty;
    }
}
