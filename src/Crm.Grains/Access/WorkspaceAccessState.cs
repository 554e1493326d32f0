using Orleans;

namespace Crm.Grains.Access;

[GenerateSerializer]
[Alias("crm.WorkspaceAccessState")]
public sealed class WorkspaceAccessState
{
    [Id(0)]
    public List<ApiKeyRecord> Keys { get; set; } = [];
}
