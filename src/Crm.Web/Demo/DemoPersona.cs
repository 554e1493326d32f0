using Crm.Grains.Customers;

namespace Crm.Web.Demo;

/// <summary>
/// The kind of history a demo customer gets, shaped so that the default workspace thresholds put it in
/// <see cref="DemoPersonas.Lifecycle"/>: silence backdates at-risk and churned customers, orders make customers and VIPs,
/// recent conversations make active ones.
/// </summary>
public enum DemoPersona
{
    Lead,
    Customer,
    Active,
    Vip,
    AtRisk,
    Churned,
}

public static class DemoPersonas
{
    /// <summary>
    /// Twenty slots in the proportions of a living customer base. A customer's slot comes from its index, so any twenty
    /// consecutive customers hold exactly these proportions and a small demo still shows every stage.
    /// </summary>
    private static readonly DemoPersona[] Wheel =
    [
        .. Enumerable.Repeat(DemoPersona.Lead, 5),
        .. Enumerable.Repeat(DemoPersona.Customer, 5),
        .. Enumerable.Repeat(DemoPersona.Active, 3),
        .. Enumerable.Repeat(DemoPersona.Vip, 2),
        .. Enumerable.Repeat(DemoPersona.AtRisk, 3),
        .. Enumerable.Repeat(DemoPersona.Churned, 2),
    ];

    /// <summary>Seven is coprime with twenty, so consecutive indexes step through every slot in a mixed order.</summary>
    public static DemoPersona ForIndex(int index) => Wheel[(int)((index * 7L) % Wheel.Length)];

    /// <summary>The stage the default workspace settings give a customer of this persona.</summary>
    public static Lifecycle Lifecycle(this DemoPersona persona) => persona switch
    {
        DemoPersona.Lead => Grains.Customers.Lifecycle.Lead,
        DemoPersona.Customer => Grains.Customers.Lifecycle.Customer,
        DemoPersona.Active => Grains.Customers.Lifecycle.Active,
        DemoPersona.Vip => Grains.Customers.Lifecycle.Vip,
        DemoPersona.AtRisk => Grains.Customers.Lifecycle.AtRisk,
        _ => Grains.Customers.Lifecycle.Churned,
    };
}
