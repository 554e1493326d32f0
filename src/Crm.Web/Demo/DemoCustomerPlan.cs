using Crm.Grains.Identities;
using Crm.Grains.Ingest;

namespace Crm.Web.Demo;

/// <summary>
/// One demo customer: the events its channels report, oldest first (the first one, an identify from
/// <see cref="Primary"/>, creates the customer and links its other identities), and what agents add by hand afterwards.
/// Static segments are named, not identified: the seeder looks up the ids the workspace gave them.
/// </summary>
public sealed record DemoCustomerPlan(
    int Index,
    DemoPersona Persona,
    ChannelIdentity Primary,
    IReadOnlyList<EngagementEvent> Events,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> StaticSegments,
    string? Note);
