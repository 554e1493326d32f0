namespace Crm.Silo.Runtime;

internal enum ActivationStatus
{
    Created,
    Activating,
    Valid,
    Deactivating,
    Deactivated,
}
