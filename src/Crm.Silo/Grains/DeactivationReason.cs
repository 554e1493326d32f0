namespace Crm.Silo;

public enum DeactivationReason
{
    IdleCollection,
    ApplicationRequested,
    InconsistentState,
    ShuttingDown,
}
