using Crm.Browser.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Crm.Browser.Tests;

public sealed class IntentCorrectionTests(DashboardService dashboard, ITestOutputHelper log) : IClassFixture<DashboardService>
{
    [Fact]
    public Task An_agent_corrects_an_intent_on_the_profile_and_another_tab_sees_the_row_and_the_card_change() => dashboard.RunAsync("intent-correction", log);
}
