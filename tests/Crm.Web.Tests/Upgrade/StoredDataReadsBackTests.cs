using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Web.Tests.Infrastructure;

namespace Crm.Web.Tests.Upgrade;

/// <summary>
/// The new service opened on a database the release before Orleans wrote: everything that release stored reads back as
/// it answered it then (the expected values are its own answers, taken before it was stopped).
/// </summary>
public sealed class StoredDataReadsBackTests(UpgradedService upgraded) : IClassFixture<UpgradedService>
{
    private static readonly DateTimeOffset AnaFirstContact = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    private readonly HttpClient _agent = upgraded.Service.ClientWith(ReleaseBeforeOrleans.AgentKey);

    private StoredIds Ids => upgraded.Ids;

    [Fact]
    public async Task Customer_list_and_stat_cards_show_the_rows_the_old_release_wrote()
    {
        var rows = await _agent.ListCustomersAsync("sort=name");
        var stats = await _agent.StatsAsync();
        var globex = upgraded.Service.ClientWith(ReleaseBeforeOrleans.GlobexAdminKey);
        var globexRows = await globex.ListCustomersAsync("sort=name");
        var globexStats = await globex.StatsAsync();

        Assert.Equal([Ids.Bruno, Ids.Ana, Ids.Carla, Ids.Diego, Ids.Eva], rows.Select(row => row.Text("id")));
        Assert.Equal([null, "Ana Lima", "Carla Souza", "Diego Alves", "Eva Martins"], rows.Select(row => row.Text("name")));
        Assert.Equal(["at_risk", "vip", "active", "customer", "lead"], rows.Select(row => row.Text("lifecycle")));
        Assert.Equal(["general", "sales_opportunity", "general", "sales_opportunity", "no_engagement"], rows.Select(row => row.Text("intent")));
        Assert.Equal(["", "priority wholesale", "", "", "wholesale"], rows.Select(row => string.Join(' ', row.Texts("tags"))));
        Assert.Equal(
            [(1, 1, 0, 0m), (2, 2, 3, 1449.9m), (2, 2, 0, 0m), (0, 0, 1, 59.5m), (0, 0, 0, 0m)],
            rows.Select(row => (row.Int("conversations"), row.Int("messages"), row.Int("orders"), row.Number("lifetimeValue"))));
        Assert.Equal([2m, 5m, null, null, null], rows.Select(row => row.IsNull("csatAverage") ? (decimal?)null : row.Number("csatAverage")));
        var ana = rows[1];
        Assert.Equal((ReleaseBeforeOrleans.AnaEmail, ReleaseBeforeOrleans.AnaWhatsApp, "Lima Imports"), (ana.Text("email"), ana.Text("phone"), ana.Text("company")));
        Assert.Equal((AnaFirstContact, new DateTimeOffset(2026, 11, 24, 8, 30, 0, TimeSpan.Zero)), (ana.Time("firstSeen"), ana.Time("lastActive")));
        Assert.Equal((5, 1, 1, 2), (stats.Int("all"), stats.Int("active"), stats.Int("needsAttention"), stats.Int("salesOpportunities")));
        Assert.Equal([Ids.GlobexCustomer], globexRows.Select(row => row.Text("id")));
        Assert.Equal(ReleaseBeforeOrleans.AnaEmail, globexRows[0].Text("email"));
        Assert.Equal((1, 0, 0, 0), (globexStats.Int("all"), globexStats.Int("active"), globexStats.Int("needsAttention"), globexStats.Int("salesOpportunities")));
    }

    [Fact]
    public async Task List_filters_find_customers_by_their_stored_tags_segments_channels_and_search_text()
    {
        Assert.Equal([Ids.Ana, Ids.Eva], await ListAsync("tag=wholesale&sort=name"));
        Assert.Equal([Ids.Bruno, Ids.Eva], await ListAsync("segment=call-back&sort=name"));
        Assert.Equal([Ids.Ana], await ListAsync("segment=big-spenders"));
        Assert.Equal([Ids.Carla], await ListAsync("channel=instagram"));
        Assert.Equal([Ids.Ana], await ListAsync("q=lima"));
        Assert.Equal([Ids.Ana, Ids.Diego], await ListAsync("intent=sales_opportunity&sort=name"));
        Assert.Equal([Ids.Ana], await ListAsync("lifecycle=vip&ltvMin=1000"));
    }

    [Fact]
    public async Task Ana_keeps_her_counters_profile_tags_notes_attributes_orders_and_identities()
    {
        var ana = await CustomerAsync(Ids.Ana);

        var profile = ana.GetProperty("profile");
        Assert.Equal(
            ["Ana Lima", ReleaseBeforeOrleans.AnaEmail, ReleaseBeforeOrleans.AnaWhatsApp, "Lima Imports", "São Paulo", "BR", "pt", null],
            new[] { "name", "email", "phone", "company", "city", "country", "language", "avatarUrl" }.Select(field => profile.Text(field)));
        Assert.Equal((2, 2, 3, 1449.9m, 1, 5m), (ana.Int("conversations"), ana.Int("messages"), ana.Int("orders"), ana.Number("lifetimeValue"), ana.Int("csatCount"), ana.Number("csatAverage")));
        Assert.Equal(
            (AnaFirstContact, new DateTimeOffset(2026, 11, 24, 8, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero)),
            (ana.Time("firstSeen")!.Value, ana.Time("lastActive")!.Value, ana.Time("lastContact")!.Value));
        Assert.Equal(("vip", true, "sales_opportunity"), (ana.Text("lifecycle"), ana.IsNull("manualLifecycle"), ana.GetProperty("intent").Text("intent")));
        Assert.Equal(["priority", "wholesale"], ana.Texts("tags"));
        Assert.Equal(["big-spenders", "pro-wholesale"], ana.Texts("segments"));
        Assert.Equal(
            [("whatsapp", ReleaseBeforeOrleans.AnaWhatsApp), ("email", ReleaseBeforeOrleans.AnaEmail)],
            ana.Items("identities").Select(identity => (identity.Text("channel"), identity.Text("value"))));

        var attributes = ana.GetProperty("attributes");
        Assert.Equal(["plan", "renewal", "seats", "trial"], attributes.EnumerateObject().Select(attribute => attribute.Name).Order());
        Assert.Equal(("string", "pro"), (attributes.GetProperty("plan").Text("kind"), attributes.GetProperty("plan").Text("text")));
        Assert.Equal(("number", 12m), (attributes.GetProperty("seats").Text("kind"), attributes.GetProperty("seats").Number("number")));
        Assert.Equal(("boolean", false), (attributes.GetProperty("trial").Text("kind"), attributes.GetProperty("trial").GetProperty("boolean").GetBoolean()));
        Assert.Equal(("date", "2027-03-01"), (attributes.GetProperty("renewal").Text("kind"), attributes.GetProperty("renewal").Text("date")));

        var notes = ana.Items("notes");
        Assert.Equal(["1", "2"], notes.Select(note => note.Text("id")));
        Assert.Equal(["Prefers WhatsApp after 6pm", "Asked about a volume discount for 50+ units"], notes.Select(note => note.Text("text")));
        Assert.All(notes, note => Assert.Equal($"key:{Ids.AgentKeyId}", note.Text("author")));
        Assert.Equal([true, false], notes.Select(note => note.IsNull("editedAt")));

        Assert.Equal(
            [("wa-conv-77", "whatsapp", "open", 2, "Sure, send me the link please"), ("em-conv-12", "email", "open", 0, null)],
            ana.Items("recentConversations").Select(conversation => (conversation.Text("id"), conversation.Text("channel"), conversation.Text("status"), conversation.Int("messageCount"), conversation.Text("lastSnippet"))));
        Assert.Equal(
            [("5001", 249.9m, "EUR", (DateTimeOffset?)null), ("5002", 1200m, "EUR", null), ("5003", 80m, "EUR", new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero))],
            ana.Items("recentOrders").Select(order => (order.Text("id"), order.Number("amount"), order.Text("currency"), order.Time("refundedAt"))));
    }

    [Fact]
    public async Task Bruno_Carla_Diego_and_Eva_keep_what_the_agents_and_channels_gave_them()
    {
        var bruno = await CustomerAsync(Ids.Bruno);
        var carla = await CustomerAsync(Ids.Carla);
        var diego = await CustomerAsync(Ids.Diego);
        var eva = await CustomerAsync(Ids.Eva);

        var pinned = bruno.GetProperty("manualLifecycle");
        Assert.Equal(("at_risk", "at_risk", $"key:{Ids.AgentKeyId}", "lead"), (bruno.Text("lifecycle"), pinned.Text("stage"), pinned.Text("actor"), pinned.Text("automaticStageThen")));
        Assert.Equal((1, 2m), (bruno.Int("csatCount"), bruno.Number("csatAverage")));
        Assert.Equal(["call-back"], bruno.Texts("segments"));
        var closed = Assert.Single(bruno.Items("recentConversations"));
        Assert.Equal(("em-conv-31", "closed", new DateTimeOffset(2026, 11, 18, 15, 1, 0, TimeSpan.Zero)), (closed.Text("id"), closed.Text("status"), closed.Time("closedAt")!.Value));
        Assert.Equal(["Sent a replacement on 19 Nov"], bruno.Items("notes").Select(note => note.Text("text")));

        Assert.Equal(("active", 2, 2), (carla.Text("lifecycle"), carla.Int("conversations"), carla.Int("messages")));
        Assert.Equal(
            [("widget", ReleaseBeforeOrleans.CarlaWidgetSession), ("sms", ReleaseBeforeOrleans.CarlaSms), ("instagram", ReleaseBeforeOrleans.CarlaInstagram)],
            carla.Items("identities").Select(identity => (identity.Text("channel"), identity.Text("value"))));
        Assert.Equal(["wg-conv-9", "ig-conv-3"], carla.Items("recentConversations").Select(conversation => conversation.Text("id")));

        Assert.Equal(("Diego Alves", "customer", 1, 59.5m), (diego.GetProperty("profile").Text("name"), diego.Text("lifecycle"), diego.Int("orders"), diego.Number("lifetimeValue")));
        Assert.Equal("BRL", Assert.Single(diego.Items("recentOrders")).Text("currency"));
        Assert.Equal([("sms", ReleaseBeforeOrleans.DiegoSms)], diego.Items("identities").Select(identity => (identity.Text("channel"), identity.Text("value"))));

        Assert.Equal(("Martins & Filhos", "Lisbon", "lead"), (eva.GetProperty("profile").Text("company"), eva.GetProperty("profile").Text("city"), eva.Text("lifecycle")));
        Assert.Equal([("email", ReleaseBeforeOrleans.EvaEmail), ("phone", ReleaseBeforeOrleans.EvaPhone)], eva.Items("identities").Select(identity => (identity.Text("channel"), identity.Text("value"))));
        Assert.Equal(["wholesale"], eva.Texts("tags"));
        Assert.Equal(["call-back"], eva.Texts("segments"));
    }

    [Fact]
    public async Task Record_endpoints_answer_the_stored_orders_conversations_notes_attributes_and_identities()
    {
        var orders = await _agent.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{Ids.Ana}/orders");
        var conversations = await _agent.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{Ids.Ana}/conversations");
        var notes = await _agent.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{Ids.Ana}/notes");
        var attributes = await _agent.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{Ids.Ana}/attributes");
        var identities = await _agent.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{Ids.Carla}/identities");

        Assert.Equal((3, 1449.9m), (orders.Int("orderCount"), orders.Number("lifetimeValue")));
        Assert.Equal(["5001", "5002", "5003"], orders.Items().Select(order => order.Text("id")));
        Assert.Equal([("5003", 80m, "EUR")], orders.Items("refunds").Select(refund => (refund.Text("orderId"), refund.Number("amount"), refund.Text("currency"))));
        Assert.Equal((2, 2), (conversations.Int("total"), conversations.Int("messages")));
        Assert.Equal(["wa-conv-77", "em-conv-12"], conversations.Items().Select(conversation => conversation.Text("id")));
        Assert.Equal(["1", "2"], notes.Items().Select(note => note.Text("id")));
        Assert.Equal(["plan", "renewal", "seats", "trial"], attributes.GetProperty("attributes").EnumerateObject().Select(attribute => attribute.Name).Order());
        Assert.Equal(["widget", "sms", "instagram"], identities.Items().Select(identity => identity.Text("channel")));
    }

    [Fact]
    public async Task Timelines_page_through_every_entry_the_old_release_stored()
    {
        var first = await TimelineAsync(Ids.Ana, "limit=10");
        var second = await TimelineAsync(Ids.Ana, $"limit=10&before={first.GetProperty("nextBefore").GetInt64()}");
        var third = await TimelineAsync(Ids.Ana, $"limit=10&before={second.GetProperty("nextBefore").GetInt64()}");

        var entries = first.Items().Concat(second.Items()).Concat(third.Items()).ToArray();
        Assert.Equal(Enumerable.Range(1, ReleaseBeforeOrleans.TimelineEntriesOfAna).Reverse(), entries.Select(entry => entry.Int("sequence")));
        Assert.True(third.IsNull("nextBefore"));
        Assert.Equal(("segments_joined", "system", "big-spenders, pro-wholesale"), (entries[0].Text("kind"), entries[0].Text("actor"), entries[0].Text("summary")));
        var refund = entries.Single(entry => entry.Int("sequence") == 12);
        Assert.Equal(("order_refunded", "email:ana@example.com", "order 5003: 80.00 EUR refunded"), (refund.Text("kind"), refund.Text("actor"), refund.Text("summary")));
        var created = entries[^1];
        Assert.Equal(("customer_created", "whatsapp:+5511987654321", "first contact on whatsapp", AnaFirstContact), (created.Text("kind"), created.Text("actor"), created.Text("summary"), created.Time("at")!.Value));
        var otherTimelines = await Task.WhenAll(new[] { Ids.Bruno, Ids.Carla, Ids.Diego, Ids.Eva }.Select(id => TimelineAsync(id, "limit=200")));
        Assert.Equal([8, 11, 6, 5], otherTimelines.Select(other => other.Items().Length));
    }

    [Fact]
    public async Task The_merged_customer_answers_with_its_survivor()
    {
        var merged = await CustomerAsync(Ids.CarlaInstagramDuplicate);
        var survivorTimeline = await TimelineAsync(Ids.Carla, "limit=200");

        Assert.Equal((Ids.Carla, Ids.Carla, "Carla Souza", 2), (merged.Text("id"), merged.Text("mergedInto"), merged.GetProperty("profile").Text("name"), merged.Int("conversations")));
        Assert.Contains(survivorTimeline.Items(), entry => entry.Text("kind") == "merged" && entry.Text("summary") == $"customer {Ids.CarlaInstagramDuplicate} merged into this one");
        Assert.DoesNotContain(Ids.CarlaInstagramDuplicate, await ListAsync("sort=name"));
    }

    [Fact]
    public async Task Segments_are_listed_with_their_rules_and_members()
    {
        var segments = (await _agent.GetFromJsonAsync<JsonElement>("/api/v1/segments")).Items();

        Assert.Equal(["call-back", "big-spenders", "pro-wholesale"], segments.Select(segment => segment.Text("id")));
        Assert.Equal(["static", "rule", "rule"], segments.Select(segment => segment.Text("kind")));
        Assert.Equal([null, "ltv > 500 and orders >= 1", "attr.plan = \"pro\" and tags has \"wholesale\""], segments.Select(segment => segment.Text("rule")));
        Assert.Equal(["Phone them this week", "Lifetime value over 500", null], segments.Select(segment => segment.Text("description")));
        Assert.Equal([2, 1, 1], segments.Select(segment => segment.Int("memberCount")));
        Assert.All(segments, segment => Assert.False(segment.GetProperty("membersEvaluating").GetBoolean()));
        Assert.Equal(new[] { Ids.Bruno, Ids.Eva }.Order(StringComparer.Ordinal), await MembersAsync("call-back"));
        Assert.Equal([Ids.Ana], await MembersAsync("big-spenders"));
        Assert.Equal([Ids.Ana], await MembersAsync("pro-wholesale"));
        Assert.Equal(HttpStatusCode.NotFound, (await _agent.GetAsync("/api/v1/segments/old-list")).StatusCode);
    }

    [Fact]
    public async Task Keys_and_settings_of_the_old_release_still_hold()
    {
        var admin = upgraded.Service.ClientWith(ReleaseBeforeOrleans.AdminKey);
        var keys = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/keys")).EnumerateArray().ToArray();
        var settings = await _agent.GetFromJsonAsync<JsonElement>("/api/v1/settings");

        Assert.Equal(
            [("bootstrap admin", "admin", false), ("Support agent", "agent", false), ("WhatsApp adapter", "channel", false), ("Former agent", "agent", true)],
            keys.Select(key => (key.Text("name")!, key.Text("role")!, !key.IsNull("revokedAt"))));
        Assert.Equal(Ids.AgentKeyId, keys[1].Text("id"));
        Assert.Equal(HttpStatusCode.OK, (await _agent.GetAsync("/api/v1/customers")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await upgraded.Service.ClientWith(ReleaseBeforeOrleans.ChannelKey).GetAsync("/api/v1/customers")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await upgraded.Service.ClientWith(ReleaseBeforeOrleans.RevokedKey).GetAsync("/api/v1/customers")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await upgraded.Service.ClientWith(ReleaseBeforeOrleans.GlobexAdminKey).GetAsync($"/api/v1/customers/{Ids.Ana}")).StatusCode);
        // The release stored a calling code; it reads as the main region of that code.
        Assert.Equal(
            ("BR", "55", 2, 3650, 3649, 3650, 1000m),
            (settings.Text("defaultPhoneRegion"), settings.Text("defaultPhoneCountry"), settings.Int("activeConversations"), settings.Int("activeWindowDays"), settings.Int("atRiskAfterDays"), settings.Int("churnedAfterDays"), settings.Number("vipLifetimeValue")));
    }

    [Fact]
    public async Task The_duplicate_suggestion_stays_and_the_erased_customer_stays_gone()
    {
        var suggestion = Assert.Single((await _agent.GetFromJsonAsync<JsonElement>("/api/v1/duplicates")).EnumerateArray());

        Assert.Equal(
            (Ids.Diego, Ids.Ana, "whatsapp", ReleaseBeforeOrleans.AnaWhatsApp),
            (suggestion.Text("customerId"), suggestion.Text("otherCustomerId"), suggestion.Text("channel"), suggestion.Text("value")));
        Assert.Equal(HttpStatusCode.NotFound, (await _agent.GetAsync($"/api/v1/customers/{Ids.ErasedFelix}")).StatusCode);
    }

    private Task<JsonElement> CustomerAsync(string id) => _agent.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{id}");

    private Task<JsonElement> TimelineAsync(string id, string parameters) => _agent.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{id}/timeline?{parameters}");

    private async Task<string[]> ListAsync(string parameters) => (await _agent.ListCustomersAsync(parameters)).Select(row => row.Text("id")!).ToArray();

    private async Task<string[]> MembersAsync(string segment) =>
        (await _agent.GetFromJsonAsync<JsonElement>($"/api/v1/segments/{segment}/members?limit=500")).Texts("items");
}
