using Crm.Grains.Segments;

namespace Crm.Web.Demo;

/// <summary>The segments a demo workspace starts with: two that agents fill by hand, and rule segments that stay live.</summary>
public static class DemoSegments
{
    public const string TradeShow = "Trade show 2026";
    public const string BetaTesters = "Beta testers";

    public static readonly IReadOnlyList<SegmentDraft> All =
    [
        new() { Name = TradeShow, Kind = SegmentKind.Static, Description = "Met at the spring trade show booth" },
        new() { Name = BetaTesters, Kind = SegmentKind.Static, Description = "Signed up to try new features first" },
        new() { Name = "Big spenders", Kind = SegmentKind.Rule, Rule = "ltv >= 500 and orders >= 2", Description = "Two or more orders worth 500 or more" },
        new() { Name = "Hot leads", Kind = SegmentKind.Rule, Rule = "intent = sales_opportunity and lifecycle in [lead, customer, active]" },
        new() { Name = "Win-back", Kind = SegmentKind.Rule, Rule = "lifecycle in [at_risk, churned] and orders >= 1", Description = "Bought before, gone quiet" },
        new() { Name = "WhatsApp regulars", Kind = SegmentKind.Rule, Rule = "channels has whatsapp and conversations >= 3" },
        new() { Name = "Unhappy customers", Kind = SegmentKind.Rule, Rule = "csat < 3" },
    ];
}
