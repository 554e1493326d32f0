using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Testing;
using Crm.Web.Tests.Durability;
using Crm.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Crm.Web.Tests.Concurrency;

/// <summary>
/// A hundred and twenty HTTP clients, each with its own connection, released at once against one customer: tags, notes,
/// message events for its identity and lifecycle changes. Nothing may be lost or applied twice, and once the writes stop the
/// list row and the stat cards must say what the grain says.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class OneCustomerConcurrencyTests(PostgresTestDatabase postgres, ITestOutputHelper output) : IClassFixture<PostgresTestDatabase>
{
    private const int Clients = 120;
    private const int TaggingClients = 90;
    private const int MessagesPerClient = 2;
    private const string Email = "crowd@example.com";
    private const string Conversation = "crowd-thread";

    private static readonly string[] Stages = ["customer", "active", "vip", "churned", "at_risk"];

    [Fact]
    public async Task A_hundred_and_twenty_clients_writing_one_customer_at_once_lose_nothing_and_the_list_and_cards_agree()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        using var admin = service.ClientWith(RunningService.AdminKey);
        var created = await admin.PostAsJsonAsync("/api/v1/customers", new { profile = new { name = "Crowd Tester", email = Email } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var clients = Enumerable.Range(0, Clients).Select(_ => service.ClientWith(RunningService.AdminKey)).ToArray();
        try
        {
            var writers = clients.Select((client, i) => Task.Run(async () =>
            {
                await start.Task;
                await WriteAsync(client, id, i);
            })).ToArray();
            var writing = Stopwatch.StartNew();
            start.SetResult();
            await Task.WhenAll(writers);
            output.WriteLine($"{Clients} clients wrote one customer in {writing.ElapsedMilliseconds} ms");
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }

        var customer = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{id}");
        Assert.Equal(Enumerable.Range(0, TaggingClients).Select(Tag).Order(), ReadModelAgreement.Strings(customer.GetProperty("tags")).Order());
        var notes = customer.GetProperty("notes").EnumerateArray().ToArray();
        Assert.Equal(Enumerable.Range(0, Clients).Select(NoteText).Order(), notes.Select(note => note.GetProperty("text").GetString()!).Order());
        Assert.Equal(Clients, notes.Select(note => note.GetProperty("id").GetString()).Distinct().Count());
        Assert.Equal(Clients * MessagesPerClient, customer.GetProperty("messages").GetInt32());
        Assert.Equal(1, customer.GetProperty("conversations").GetInt32());

        var timeline = await TimelineAsync(admin, id);
        Assert.Equal(TaggingClients, timeline.Count(entry => entry.Kind == "tags_added"));
        Assert.Equal(Clients, timeline.Count(entry => entry.Kind == "note_added"));
        AssertLifecycleIsTheLastOneApplied(customer, timeline);

        var rows = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/customers?q=crowd")).GetProperty("items").EnumerateArray().ToArray();
        ReadModelAgreement.AssertRowMatches(Assert.Single(rows), customer);
        await ReadModelAgreement.AssertListAndStatsAgreeAsync(admin, postgres.ConnectionString, [customer]);
        output.WriteLine($"final lifecycle {ReadModelAgreement.Lifecycle(customer)}, intent {ReadModelAgreement.Intent(customer)}, {timeline.Count} timeline entries");
    }

    /// <summary>One client's writes, in an order of its own: a tag (for the first 90: a customer holds at most 100), a note, two messages, a stage.</summary>
    private static async Task WriteAsync(HttpClient client, string id, int index)
    {
        var writes = new List<Func<Task>>
        {
            async () => Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/v1/customers/{id}/notes", new { text = NoteText(index) })).StatusCode),
            async () => Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/v1/customers/{id}/lifecycle", new { lifecycle = Stages[index % Stages.Length] })).StatusCode),
            async () =>
            {
                var sender = new Sender("email", Email);
                var messages = Enumerable.Range(0, MessagesPerClient)
                    .Select(k => PlannedEvent.Message($"crowd-{index}-{k}", sender, DateTimeOffset.UtcNow, Conversation, $"message {k} from client {index}: what does the pro plan cost?"))
                    .ToArray();
                var results = (await ChannelAdapter.PostAsync(client, messages)).GetProperty("results").EnumerateArray().ToArray();
                Assert.All(results, result => Assert.Equal(("accepted", id), (result.GetProperty("status").GetString(), result.GetProperty("customerId").GetString())));
            },
        };
        if (index < TaggingClients)
        {
            writes.Add(async () => Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/v1/customers/{id}/tags", new { tags = new[] { Tag(index) } })).StatusCode));
        }

        var order = writes.ToArray();
        new Random(index).Shuffle(order);
        foreach (var write in order)
        {
            await write();
        }
    }

    /// <summary>
    /// The stage is a last-writer-wins register: whichever change was applied last must be what the grain shows, and the
    /// timeline's changes must form one unbroken chain from the first stage to it.
    /// </summary>
    private static void AssertLifecycleIsTheLastOneApplied(JsonElement customer, IReadOnlyList<TimelineEntry> timeline)
    {
        var stage = ReadModelAgreement.Lifecycle(customer);
        var changes = timeline.Where(entry => entry.Kind == "lifecycle_changed").OrderBy(entry => entry.Sequence)
            .Select(entry => entry.Summary.Split(':')[0].Split(" → "))
            .ToArray();
        Assert.NotEmpty(changes);
        Assert.Contains(stage, Stages);
        Assert.Equal(stage, customer.GetProperty("manualLifecycle").GetProperty("stage").GetString());
        Assert.Equal("lead", changes[0][0]);
        Assert.All(changes.Zip(changes.Skip(1)), pair => Assert.Equal(pair.First[1], pair.Second[0]));
        Assert.Equal(stage, changes[^1][1]);
    }

    private static async Task<List<TimelineEntry>> TimelineAsync(HttpClient client, string id)
    {
        var entries = new List<TimelineEntry>();
        long? before = null;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{id}/timeline?limit=200{(before is null ? "" : $"&before={before}")}");
            entries.AddRange(page.GetProperty("items").EnumerateArray().Select(item => new TimelineEntry(
                item.GetProperty("sequence").GetInt64(), item.GetProperty("kind").GetString()!, item.GetProperty("summary").GetString()!)));
            before = page.GetProperty("nextBefore").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextBefore").GetInt64();
        }
        while (before is not null);

        Assert.Equal(entries.Count, entries.Select(entry => entry.Sequence).Distinct().Count());
        return entries;
    }

    private static string Tag(int index) => $"crowd-{index}";

    private static string NoteText(int index) => $"note from client {index}";

    private sealed record TimelineEntry(long Sequence, string Kind, string Summary);
}
