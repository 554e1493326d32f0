using Crm.Browser.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Crm.Browser.Tests;

public sealed class CustomersPageTests(DashboardService dashboard, ITestOutputHelper log) : IClassFixture<DashboardService>
{
    [Fact]
    public Task Signing_in_keeps_the_key_for_the_tab_only_refuses_bad_and_channel_keys_and_signing_out_forgets_it() => dashboard.RunAsync("sign-in", log);

    [Fact]
    public Task Stat_cards_equal_the_stats_api_and_clicking_one_lists_its_customers() => dashboard.RunAsync("stat-cards", log);

    [Fact]
    public Task Search_narrows_the_list_to_the_apis_matches_and_survives_a_reload() => dashboard.RunAsync("search", log);

    [Fact]
    public Task A_lifecycle_filter_with_the_ltv_sort_shows_the_rows_the_api_gives_in_its_order() => dashboard.RunAsync("filter-sort", log);
}
