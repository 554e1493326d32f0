using Crm.Browser.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Crm.Browser.Tests;

public sealed class ProfileTests(DashboardService dashboard, ITestOutputHelper log) : IClassFixture<DashboardService>
{
    [Fact]
    public Task Every_profile_tab_renders_and_notes_tags_lifecycle_and_edits_go_through_the_api() => dashboard.RunAsync("profile", log);

    [Fact]
    public Task The_intent_pill_shows_why_and_a_reason_opens_its_conversation_with_its_sentiment() => dashboard.RunAsync("intent-why", log);

    [Fact]
    public Task A_note_is_edited_and_deleted_after_confirmation() => dashboard.RunAsync("profile-notes", log);

    [Fact]
    public Task Custom_fields_are_edited_added_with_their_type_and_removed() => dashboard.RunAsync("profile-fields", log);

    [Fact]
    public Task The_gdpr_export_downloads_and_a_merge_is_previewed_by_dry_run_then_applied() => dashboard.RunAsync("profile-actions", log);

    [Fact]
    public Task The_new_customer_form_shows_the_apis_validation_beside_the_field_then_creates_the_customer() => dashboard.RunAsync("new-customer", log);
}
