using Orleans;

namespace Crm.Grains.Access;

[GenerateSerializer]
[Alias("crm.ApiKeyState")]
public sealed class ApiKeyState
{
    [Id(0)]
    public ApiKeyRecord? Key { get; set; }
}
