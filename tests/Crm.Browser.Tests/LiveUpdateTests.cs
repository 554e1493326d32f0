using Crm.Browser.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Crm.Browser.Tests;

public sealed class LiveUpdateTests(DashboardService dashboard, ITestOutputHelper log) : IClassFixture<DashboardService>
{
    [Fact]
    public Task An_ingested_event_moves_a_stat_card_and_its_row_within_two_seconds_without_reload() => dashboard.RunAsync("live-update", log);

    [Fact]
    public Task A_row_that_comes_into_view_follows_a_change_made_the_moment_it_appears() => dashboard.RunAsync("live-new-view", log);

    [Fact]
    public Task A_customer_entering_at_risk_raises_a_needs_attention_toast_linking_to_the_profile() => dashboard.RunAsync("needs-attention", log);
}
