using Orleans;

namespace Crm.Grains.Validation;

/// <summary>Input a grain refused before changing anything; the service answers it with 400 and the error.</summary>
[GenerateSerializer]
[Alias("crm.DomainValidationException")]
public sealed class DomainValidationException(ValidationError error) : Exception(error.ToString())
{
    [Id(0)]
    public ValidationError Error { get; private init; } = error;
}
