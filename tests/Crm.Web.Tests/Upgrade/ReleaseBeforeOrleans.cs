namespace Crm.Web.Tests.Upgrade;

/// <summary>
/// What <c>Fixtures/release-before-orleans.sqlite.sql</c> holds: a SQLite database written by the last release on the
/// home-made actor runtime (eb47da9), through its HTTP API only, stopped gracefully, then dumped as SQL. Workspace
/// <c>default</c> has its settings changed (phone country 55; lifecycle thresholds of ten years, so that a customer the tests
/// write to keeps its stage whatever the date, until 2036), four keys (admin, agent, channel, one revoked agent) and these
/// customers:
/// <list type="bullet">
/// <item>Ana: two WhatsApp messages, identified with her email, three orders by email (one refunded), a conversation opened
/// by email, a CSAT of 5; tags, three notes (the second edited, the third deleted), four attributes of each kind; VIP.</item>
/// <item>Bruno: an email conversation, closed, a CSAT of 2; a note; lifecycle pinned to at_risk by hand.</item>
/// <item>Carla: a web chat session identified with an SMS number, merged with the customer her Instagram handle had made.</item>
/// <item>Diego: an order by SMS, then claimed Ana's WhatsApp number, which left a duplicate suggestion.</item>
/// <item>Eva: created by hand with an email and a phone, then edited.</item>
/// <item>Felix: wrote once by email and was erased.</item>
/// </list>
/// Segments: <c>call-back</c> (static: Bruno, Eva), <c>big-spenders</c> and <c>pro-wholesale</c> (rules: Ana), and
/// <c>old-list</c>, deleted. Workspace <c>globex</c> has its own admin key and one customer, whose email is Ana's.
/// Customer ids and key ids were random there, so <see cref="StoredIds"/> reads them from the restored database.
/// </summary>
public static class ReleaseBeforeOrleans
{
    public const string DumpFile = "release-before-orleans.sqlite.sql";

    public const string AdminKey = "crm_upgrade-fixture-admin-key";

    /// <summary>The agent key named <c>Support agent</c>, which made every agent edit in the fixture.</summary>
    public const string AgentKey = "crm_cfGYSLWtJSFtfK07Iy9dg12Ih1FQEIBnDSDW3alc070";

    /// <summary>The channel key named <c>WhatsApp adapter</c>, which posted every event of <c>default</c>.</summary>
    public const string ChannelKey = "crm_L-RqU5vbsNDPeLhuEU1MQjKHu5fwNQk2Oa29Z1hHcPk";

    /// <summary>The agent key named <c>Former agent</c>, revoked.</summary>
    public const string RevokedKey = "crm_CybQu10jAvqfVXv6qaAse1djhJ9eXQanZqpFDeHcW8A";

    public const string GlobexAdminKey = "crm_d0ntXYZU7RlwDWqTHq4Jc81SjMIP8vhx-V8KvooXXEA";

    public const string AnaWhatsApp = "+5511987654321";
    public const string AnaEmail = "ana@example.com";
    public const string BrunoEmail = "bruno@example.com";
    public const string CarlaWidgetSession = "wgt-session-42";
    public const string CarlaSms = "+5521999990000";
    public const string CarlaInstagram = "carla.designs";
    public const string DiegoSms = "+5531912345678";
    public const string EvaEmail = "eva@example.com";
    public const string EvaPhone = "+351912345678";
    public const string FelixEmail = "felix@example.com";

    public const int TimelineEntriesOfAna = 23;
}
