using Crm.Browser.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Crm.Browser.Tests;

public sealed class ProfileTests(DashboardService dashboard, ITestOutputHelper log) : IClassFixture<DashboardService>
{
    [Fact]
    public Task Every_profile_tab_renders_and_notes_tags_lifecycle_and_edits_go_through_the_api() => dashboard.RunAsync("profile", log);

    [Fact]
    public Task The_new_customer_form_shows_the_apis_validation_beside_the_field_then_creates_the_customer() => dashboard.RunAsync("new-customer", log);
}
