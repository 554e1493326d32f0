using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Grains.Customers;
using Crm.Grains.Workspaces;
using Microsoft.Extensions.DependencyInjection;
using Orleans;

namespace Crm.Web.Tests.Upgrade;

/// <summary>
/// Data stored under the old identity rules, upgraded by the new service on PostgreSQL: identities and profile phones
/// become canonical, two customers that turn out to hold one number get a duplicate suggestion and stay apart, and
/// ingest waits for the pass.
/// </summary>
public sealed class IdentityUpgradeTests(IdentityUpgradeRun run) : IClassFixture<IdentityUpgradeRun>
{
    [Fact]
    public async Task While_the_pass_runs_ingest_and_identity_writes_answer_503_with_retry_after_and_reads_work()
    {
        Assert.False(run.StatusWhileRunning.Done);
        foreach (var response in new[] { run.EventWhileRunning, run.CreateWhileRunning, run.PhoneEditWhileRunning })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("Upgrading stored identities", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        }

        Assert.Equal(HttpStatusCode.OK, run.ListWhileRunning.StatusCode);
        Assert.True(run.Finished.Done);
        Assert.Null(await run.StoredOwnerAsync("default/phone/+442079460999"));
    }

    [Fact]
    public async Task Old_keys_become_canonical_and_each_canonical_number_is_held_once()
    {
        Assert.Equal(run.OliverNational, await run.StoredOwnerAsync("default/whatsapp/" + OldIdentityRules.OliverCanonical));
        Assert.Null(await run.StoredOwnerAsync("default/whatsapp/" + OldIdentityRules.OliverOldKey));
        Assert.Equal(1, await run.CountAsync($"SELECT count(*) FROM crm_grain_state WHERE grain_type = 'identity.identity' AND grain_key LIKE '%{OldIdentityRules.OliverCanonical[1..]}'"));

        // Two old keys of Priya's number were one person's all along: one identity now, the other key released.
        Assert.Equal(run.Priya, await run.StoredOwnerAsync("default/sms/" + OldIdentityRules.PriyaCanonical));
        Assert.Null(await run.StoredOwnerAsync("default/sms/+4407911123456"));
        Assert.Equal([$"sms {OldIdentityRules.PriyaCanonical}"], Identities(await CustomerAsync(run.Priya)));

        Assert.DoesNotContain(Identities(await CustomerAsync(run.OliverWithTrunkZero)), identity => identity.Contains("2079460958", StringComparison.Ordinal));
        Assert.Equal(run.CustomersBefore, await run.CountAsync("SELECT count(*) FROM crm_customers WHERE workspace = 'default'"));
    }

    [Fact]
    public async Task The_two_customers_holding_one_number_get_a_duplicate_suggestion_and_are_not_merged()
    {
        var suggestions = (await run.Admin.GetFromJsonAsync<JsonElement>("/api/v1/duplicates")).EnumerateArray().ToArray();
        var suggestion = Assert.Single(suggestions, row => row.GetProperty("value").GetString() == OldIdentityRules.OliverCanonical);

        Assert.Equal((run.OliverWithTrunkZero, run.OliverNational, "whatsapp"),
            (suggestion.GetProperty("customerId").GetString(), suggestion.GetProperty("otherCustomerId").GetString(), suggestion.GetProperty("channel").GetString()));
        Assert.Equal(run.OliverWithTrunkZero, (await CustomerAsync(run.OliverWithTrunkZero)).GetProperty("id").GetString());
        Assert.Equal(run.OliverNational, (await CustomerAsync(run.OliverNational)).GetProperty("id").GetString());
        var timeline = await run.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{run.OliverWithTrunkZero}/timeline?limit=50");
        Assert.Contains(timeline.GetProperty("items").EnumerateArray(), entry =>
            entry.GetProperty("kind").GetString() == "duplicate_suggested" && entry.GetProperty("actor").GetString() == "system");
    }

    [Fact]
    public async Task An_event_from_the_number_written_another_way_lands_on_the_existing_customer()
    {
        var response = await run.Admin.PostAsJsonAsync("/api/v1/events", new { events = new[] { IdentityUpgradeRun.Message("after-upgrade-1", "+44 20 7946 0958") } });
        response.EnsureSuccessStatusCode();
        var result = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results")[0];

        Assert.Equal("accepted", result.GetProperty("status").GetString());
        Assert.Equal(run.OliverNational, result.GetProperty("customerId").GetString());
        Assert.Equal(run.CustomersBefore, await run.CountAsync("SELECT count(*) FROM crm_customers WHERE workspace = 'default'"));
    }

    [Fact]
    public async Task Profile_phones_become_canonical_with_a_timeline_entry_by_system()
    {
        var grace = await CustomerAsync(run.Grace);
        Assert.Equal(OldIdentityRules.GraceCanonicalPhone, grace.GetProperty("profile").GetProperty("phone").GetString());
        Assert.Equal(OldIdentityRules.OliverCanonical, (await CustomerAsync(run.OliverWithTrunkZero)).GetProperty("profile").GetProperty("phone").GetString());

        var timeline = await run.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{run.Grace}/timeline?limit=50");
        Assert.Contains(timeline.GetProperty("items").EnumerateArray(), entry =>
            entry.GetProperty("kind").GetString() == "profile_updated" && entry.GetProperty("actor").GetString() == "system"
            && entry.GetProperty("summary").GetString() == "updated phone");
        Assert.Equal(1, await run.CountAsync($"SELECT count(*) FROM crm_customers WHERE workspace = 'default' AND phone = '{OldIdentityRules.GraceCanonicalPhone}'"));
    }

    [Fact]
    public async Task The_us_number_and_the_internationalized_email_are_found_under_their_canonical_keys()
    {
        Assert.Equal(run.UsCustomer, await run.StoredOwnerAsync($"{OldIdentityRules.UsWorkspace}/sms/{OldIdentityRules.UsCanonical}"));
        Assert.Null(await run.StoredOwnerAsync($"{OldIdentityRules.UsWorkspace}/sms/{OldIdentityRules.UsOldKey}"));
        var us = await run.Service.Services.GetRequiredService<IGrainFactory>()
            .GetGrain<ICustomerGrain>(WorkspaceKeys.Compose(OldIdentityRules.UsWorkspace, run.UsCustomer)).Get();
        Assert.Equal(OldIdentityRules.UsCanonical, us!.Profile.Phone);

        Assert.Equal(run.Ana, await run.StoredOwnerAsync("default/email/" + OldIdentityRules.AnaCanonical));
        Assert.Null(await run.StoredOwnerAsync("default/email/" + OldIdentityRules.AnaOldKey));
        var response = await run.Admin.PostAsJsonAsync("/api/v1/events", new
        {
            events = new[] { new { id = "after-upgrade-ana", type = "message_received", channel = "email", identity = "ANA@exämple.com", occurredAt = DateTimeOffset.UtcNow, conversationId = "em-ana", text = "Olá de novo" } },
        });
        Assert.Equal(run.Ana, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results")[0].GetProperty("customerId").GetString());
    }

    [Fact]
    public async Task A_stored_number_the_new_rules_refuse_stays_as_it_was_and_is_counted()
    {
        Assert.NotNull(await run.StoredOwnerAsync("default/sms/" + OldIdentityRules.NoCountryNumber));
        var customer = await CustomerAsync(await run.StoredOwnerAsync("default/sms/" + OldIdentityRules.NoCountryNumber) ?? "");
        Assert.Equal([$"sms {OldIdentityRules.NoCountryNumber}"], Identities(customer));
        Assert.Equal(OldIdentityRules.NoCountryNumber, customer.GetProperty("profile").GetProperty("phone").GetString());

        // The +999 number and Tom's 07700 900461 (a range set aside for drama, which no British number holds), each as an
        // identity and as a profile phone.
        Assert.Equal(4, run.Finished.Counts.Refused);
        Assert.Equal(1, run.Finished.Counts.DuplicatesSuggested);
        Assert.Equal(14, run.Finished.Counts.Visited);
    }

    private Task<JsonElement> CustomerAsync(string id) => run.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{id}");

    private static string[] Identities(JsonElement customer) =>
        customer.GetProperty("identities").EnumerateArray().Select(identity => $"{identity.GetProperty("channel").GetString()} {identity.GetProperty("value").GetString()}").ToArray();
}
