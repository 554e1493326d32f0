using Crm.Grains.ReadModel;

namespace Crm.Bench.Query;

/// <summary>One customer-list request as the dashboard makes it: a group (search, filter, sort), a name, the query and its goal at 1M customers.</summary>
public sealed record QueryCase(string Group, string Name, CustomerListQuery Query)
{
    public double GoalMilliseconds => Group == "search" ? 100 : 50;
}
