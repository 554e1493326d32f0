namespace Crm.Silo.Runtime;

/// <summary>A persistent state slot of an activation, read before the grain's <c>OnActivateAsync</c>.</summary>
internal interface IActivationState
{
    Task ReadStateAsync();
}
