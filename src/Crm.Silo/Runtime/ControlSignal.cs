namespace Crm.Silo.Runtime;

/// <summary>A request to an activation from outside its turns (deactivate, collect if idle, expire overdue calls), applied on its thread.</summary>
internal sealed class ControlSignal(ControlSignal.Kind kind, DeactivationReason reason = DeactivationReason.ApplicationRequested) : WorkItem
{
    public enum Kind
    {
        Deactivate,
        CollectIfIdle,
        ExpireOverdue,
    }

    public Kind Signal { get; } = kind;

    public DeactivationReason Reason { get; } = reason;
}
