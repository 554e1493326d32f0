namespace Crm.Grains.Upgrade;

/// <summary>The identity upgrade pass (configuration section <c>Upgrade</c>).</summary>
public sealed class IdentityUpgradeOptions
{
    public const string SectionName = "Upgrade";

    /// <summary>Customers listed and upgraded per page; the cursor is stored after each page.</summary>
    public int PageSize { get; set; } = 256;

    public void Validate()
    {
        if (PageSize is < 1 or > 10_000)
        {
            throw new InvalidOperationException($"{SectionName}:PageSize must be between 1 and 10000.");
        }
    }
}
