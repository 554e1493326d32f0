namespace Crm.Web.Tests.Upgrade;

/// <summary>
/// What <c>Fixtures/old-identity-rules.postgres.sql</c> (and its SQLite twin) holds: data written through the HTTP API
/// by the release that keyed identities with the hand-written phone normalizer and lower-cased Unicode email domains
/// (3d5219a), by <c>Fixtures/old-identity-rules.sh</c>. Workspace <c>default</c> had dial code 44:
/// <list type="bullet">
/// <item>Oliver wrote on WhatsApp as <c>+44 (0)20 7946 0958</c> (stored <see cref="OliverOldKey"/>, also his profile
/// phone through an identify), and again as <c>020 7946 0958</c>, which made a second customer (<see cref="OliverCanonical"/>).</item>
/// <item>Priya: one customer with two old keys of one mobile (<c>+4407911123456</c>, <c>+447911123456</c>).</item>
/// <item>Grace: created by hand, profile phone patched to <c>+44 (0)161 496 0000</c> (stored <c>+4401614960000</c>).</item>
/// <item>Ana wrote from <c>Ana@Exämple.com</c>, keyed <see cref="AnaOldKey"/>.</item>
/// <item>A number with no country (<see cref="NoCountryNumber"/>), which the new rules refuse.</item>
/// <item>Customers nothing changes for (a Brazilian WhatsApp number, an email, an Instagram handle), Tom (merged with the
/// customer his SMS number made, so a tombstone) and an erased customer.</item>
/// </list>
/// Workspace <c>acme-us</c> (dial code 1) holds <c>1-415-555-0132</c>, stored <see cref="UsOldKey"/>, and one email customer.
/// </summary>
public static class OldIdentityRules
{
    public const string PostgresDump = "old-identity-rules.postgres.sql";

    public const string AdminKey = "crm_identity-fixture-admin-key";

    public const string UsWorkspace = "acme-us";

    public const string OliverOldKey = "+4402079460958";
    public const string OliverCanonical = "+442079460958";
    public const string PriyaCanonical = "+447911123456";
    public const string GraceOldPhone = "+4401614960000";
    public const string GraceCanonicalPhone = "+441614960000";
    public const string AnaOldKey = "ana@exämple.com";
    public const string AnaCanonical = "ana@xn--exmple-cua.com";
    public const string NoCountryNumber = "+99912345678";
    public const string UsOldKey = "+114155550132";
    public const string UsCanonical = "+14155550132";

    /// <summary>Live customers of <c>default</c> (Tom's tombstone and the erased customer not counted).</summary>
    public const int DefaultCustomers = 10;
}
