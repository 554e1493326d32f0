namespace Crm.Grains.Validation;

/// <summary>Input a grain refused before changing anything; the service answers it with 400 and the error.</summary>
public sealed class DomainValidationException(ValidationError error) : Exception(error.ToString())
{
    public ValidationError Error { get; } = error;
}
