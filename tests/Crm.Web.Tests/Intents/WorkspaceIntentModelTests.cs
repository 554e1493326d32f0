using System.Net.Http.Json;
using System.Text.Json;
using Crm.Testing;
using Crm.Web.Tests.Infrastructure;

namespace Crm.Web.Tests.Intents;

/// <summary>
/// A workspace's corrections teach its own text model. The messages are made of words the shipped examples never use, so
/// the shipped model cannot read them, and only a model that learnt the corrections can.
/// </summary>
public sealed class WorkspaceIntentModelTests(PostgresTestDatabase postgres) : IClassFixture<PostgresTestDatabase>
{
    private static readonly string[] Taught = ["zorblat quindle froobic", "froobic vantrix zorblat", "quindle plimsy froobic"];
    private const string Similar = "plimsy zorblat vantrix";

    [Fact]
    public async Task The_next_version_reads_like_the_workspaces_corrections_another_workspace_still_reads_the_shipped_way_a_restart_keeps_the_version_and_an_erase_is_forgotten()
    {
        var quickRetrain = "--IntentModels:RetrainDelay=00:00:01";
        Workspace learner;
        Workspace other;
        string learnerKey;
        string teacherId;
        await using (var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString, quickRetrain))
        {
            learner = await Workspace.CreateAsync(service);
            other = await Workspace.CreateAsync(service);
            learnerKey = await learner.Admin.CreateKeyAsync("admin");
            Assert.NotEqual("sales_opportunity", await IntentOfNewCustomerAsync(learner, "first-probe@example.com", Similar));
            var teacher = "teacher@example.com";
            teacherId = string.Empty;
            foreach (var text in Taught)
            {
                teacherId = (await learner.Admin.PostMessagesAsync([teacher], text))[0];
            }

            var shipped = await ModelAsync(learner.Admin);
            Assert.Equal(0, shipped.GetProperty("version").GetInt32());

            (await learner.Admin.PutAsJsonAsync($"/api/v1/customers/{teacherId}/intent", new { intent = "sales_opportunity", note = "these are our product names" })).EnsureSuccessStatusCode();
            var trained = await WaitForVersionAsync(learner.Admin, 1, TimeSpan.FromSeconds(90));

            Assert.Equal(Taught.Length, trained.GetProperty("examplesLearnt").GetInt32());
            Assert.NotEqual(JsonValueKind.Null, trained.GetProperty("trainedAt").ValueKind);
            Assert.Equal(shipped.GetProperty("before").ToString(), trained.GetProperty("before").ToString());
            foreach (var figures in new[] { trained.GetProperty("before"), trained.GetProperty("after") })
            {
                Assert.InRange(figures.GetProperty("macroF1").GetDouble(), 0.85, 1.0);
                Assert.Equal(["en", "es", "fr", "pt"], figures.GetProperty("macroF1ByLanguage").EnumerateObject().Select(language => language.Name).Order());
            }

            Assert.Equal("sales_opportunity", await IntentOfNewCustomerAsync(learner, "second-probe@example.com", Similar));
            Assert.NotEqual("sales_opportunity", await IntentOfNewCustomerAsync(other, "probe@example.com", Similar));
            var untouched = await ModelAsync(other.Admin);
            Assert.Equal(0, untouched.GetProperty("version").GetInt32());
            Assert.Equal(untouched.GetProperty("before").ToString(), untouched.GetProperty("after").ToString());
        }

        await using (var restarted = await RunningService.StartOnPostgresAsync(postgres.ConnectionString, quickRetrain))
        {
            var learnerAgain = new Workspace(learner.Id, restarted.ClientWith(learnerKey));
            Assert.Equal(1, (await ModelAsync(learnerAgain.Admin)).GetProperty("version").GetInt32());
            Assert.Equal("sales_opportunity", await IntentOfNewCustomerAsync(learnerAgain, "third-probe@example.com", Similar));

            (await learnerAgain.Admin.DeleteAsync($"/api/v1/customers/{teacherId}")).EnsureSuccessStatusCode();
            var forgotten = await WaitForVersionAsync(learnerAgain.Admin, 2, TimeSpan.FromSeconds(90));
            Assert.Equal(0, forgotten.GetProperty("examplesLearnt").GetInt32());
            Assert.NotEqual("sales_opportunity", await IntentOfNewCustomerAsync(learnerAgain, "fourth-probe@example.com", Similar));
        }
    }

    private static async Task<string> IntentOfNewCustomerAsync(Workspace workspace, string identity, string text)
    {
        var id = (await workspace.Admin.PostMessagesAsync([identity], text))[0];
        return (await workspace.CustomerAsync(id)).GetProperty("intent").GetProperty("intent").GetString()!;
    }

    private static Task<JsonElement> ModelAsync(HttpClient admin) => admin.GetFromJsonAsync<JsonElement>("/api/v1/intent/model");

    private static async Task<JsonElement> WaitForVersionAsync(HttpClient admin, int version, TimeSpan within)
    {
        var deadline = DateTimeOffset.UtcNow + within;
        while (true)
        {
            var model = await ModelAsync(admin);
            if (model.GetProperty("version").GetInt32() >= version && !model.GetProperty("retrainPending").GetBoolean())
            {
                return model;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"no model version {version} within {within}: {model}");
            await Task.Delay(200);
        }
    }
}
