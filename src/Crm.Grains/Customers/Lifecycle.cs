namespace Crm.Grains.Customers;

/// <summary>Where a customer stands; ordered so that a merge can keep "the further one".</summary>
public enum Lifecycle
{
    Lead,
    Customer,
    Active,
    AtRisk,
    Churned,
    Vip,
}
