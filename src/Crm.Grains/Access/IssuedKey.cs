namespace Crm.Grains.Access;

/// <summary>A key just created: the only moment its secret is ever returned.</summary>
public sealed record IssuedKey(ApiKeyRecord Key, string Secret);
