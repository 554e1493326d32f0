namespace Crm.Grains.Access;

public sealed class WorkspaceAccessState
{
    public List<ApiKeyRecord> Keys { get; set; } = [];
}
