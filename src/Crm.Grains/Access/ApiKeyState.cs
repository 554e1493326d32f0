namespace Crm.Grains.Access;

public sealed class ApiKeyState
{
    public ApiKeyRecord? Key { get; set; }
}
