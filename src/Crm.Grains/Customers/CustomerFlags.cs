using Crm.Grains.Intents;
using Crm.Grains.ReadModel;

namespace Crm.Grains.Customers;

/// <summary>Which stat cards a customer counts toward; the difference of two is a <see cref="StatsDelta"/>.</summary>
internal readonly record struct CustomerFlags(bool Listed, bool Active, bool AtRisk, bool SalesOpportunity)
{
    public static CustomerFlags Of(CustomerState state)
    {
        var listed = state.Exists && state.MergedInto is null && state.ErasedAt is null;
        return new CustomerFlags(
            listed,
            listed && state.Lifecycle == Lifecycle.Active,
            listed && state.Lifecycle == Lifecycle.AtRisk,
            listed && state.Intent.Intent == Intent.SalesOpportunity);
    }

    public StatsDelta DeltaTo(CustomerFlags after, string workspace) => new(
        workspace,
        Step(Listed, after.Listed),
        Step(Active, after.Active),
        Step(AtRisk, after.AtRisk),
        Step(SalesOpportunity, after.SalesOpportunity));

    private static int Step(bool before, bool after) => (after ? 1 : 0) - (before ? 1 : 0);
}
