using Orleans;
using Orleans.Concurrency;

namespace Crm.Grains.Access;

/// <summary>A key just created: the only moment its secret is ever returned.</summary>
[GenerateSerializer]
[Immutable]
[Alias("crm.IssuedKey")]
public sealed record IssuedKey(ApiKeyRecord Key, string Secret);
