using Crm.Grains.Workspaces;

namespace Crm.Grains.Merge;

public static class MergeKeys
{
    /// <summary>The same key whichever way round the pair is given.</summary>
    public static string For(string workspaceId, string firstId, string secondId) =>
        string.CompareOrdinal(firstId, secondId) <= 0
            ? WorkspaceKeys.Compose(workspaceId, firstId, secondId)
            : WorkspaceKeys.Compose(workspaceId, secondId, firstId);
}
