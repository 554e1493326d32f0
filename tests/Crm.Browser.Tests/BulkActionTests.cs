using Crm.Browser.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Crm.Browser.Tests;

public sealed class BulkActionTests(DashboardService dashboard, ITestOutputHelper log) : IClassFixture<DashboardService>
{
    [Fact]
    public Task Three_selected_rows_get_a_tag_after_confirmation_show_its_badge_and_export_as_csv() => dashboard.RunAsync("bulk-tags", log);
}
