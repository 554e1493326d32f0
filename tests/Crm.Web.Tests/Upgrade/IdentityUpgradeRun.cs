using System.Net;
using System.Net.Http.Json;
using Crm.Grains.Upgrade;
using Crm.Testing;
using Crm.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans;

namespace Crm.Web.Tests.Upgrade;

/// <summary>
/// The PostgreSQL fixture written under the old identity rules, restored into a database of its own, and the new service
/// started on it with its start not waiting for the upgrade pass and two customers per page. Before the service starts,
/// a transaction holds Oliver's stored state row (FOR UPDATE), so the pass cannot store his upgrade: it is surely still
/// running while the requests below are made, with no timing involved. Then the row is let go and the pass finishes.
/// </summary>
public sealed class IdentityUpgradeRun : IAsyncLifetime
{
    private readonly PostgresTestDatabase _database = new();

    public RunningService Service { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    /// <summary>Oliver as the old rules kept him: the customer whose key had the trunk zero, and the one whose key did not.</summary>
    public string OliverWithTrunkZero { get; private set; } = null!;

    public string OliverNational { get; private set; } = null!;

    public string Grace { get; private set; } = null!;

    public string Priya { get; private set; } = null!;

    public string Ana { get; private set; } = null!;

    public string UsCustomer { get; private set; } = null!;

    public long CustomersBefore { get; private set; }

    /// <summary>What the service answered while the pass was held: an event, a customer created by hand, a phone edit, a list.</summary>
    public HttpResponseMessage EventWhileRunning { get; private set; } = null!;

    public HttpResponseMessage CreateWhileRunning { get; private set; } = null!;

    public HttpResponseMessage PhoneEditWhileRunning { get; private set; } = null!;

    public HttpResponseMessage ListWhileRunning { get; private set; } = null!;

    public IdentityUpgradeStatus StatusWhileRunning { get; private set; } = null!;

    public IdentityUpgradeStatus Finished { get; private set; } = null!;

    public string ConnectionString => _database.ConnectionString;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        var dump = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Upgrade", "Fixtures", OldIdentityRules.PostgresDump));
        await using (var connection = await OpenAsync())
        await using (var restore = new NpgsqlCommand(dump, connection))
        {
            await restore.ExecuteNonQueryAsync();
        }

        OliverWithTrunkZero = await OwnerAsync("default/whatsapp/" + OldIdentityRules.OliverOldKey);
        OliverNational = await OwnerAsync("default/whatsapp/" + OldIdentityRules.OliverCanonical);
        Priya = await OwnerAsync("default/sms/" + OldIdentityRules.PriyaCanonical);
        Grace = await OwnerAsync("default/email/grace@example.com");
        Ana = await OwnerAsync("default/email/" + OldIdentityRules.AnaOldKey);
        UsCustomer = await OwnerAsync($"{OldIdentityRules.UsWorkspace}/sms/{OldIdentityRules.UsOldKey}");
        CustomersBefore = await CountAsync("SELECT count(*) FROM crm_customers WHERE workspace = 'default'");

        await using var holder = await OpenAsync();
        await using var hold = await holder.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand("SELECT 1 FROM crm_grain_state WHERE grain_type = 'customer.customer' AND grain_key = $1 FOR UPDATE", holder, hold))
        {
            lockRow.Parameters.AddWithValue($"default/{OliverWithTrunkZero}");
            Assert.Equal(1, await lockRow.ExecuteScalarAsync());
        }

        Service = await RunningService.StartAsync(
            "--Storage:Provider=Postgres", $"--ConnectionStrings:Crm={_database.ConnectionString}", "--Sweep:Interval=1.00:00:00",
            "--Upgrade:WaitAtStart=00:00:00", "--Upgrade:PageSize=2");
        Admin = Service.ClientWith(OldIdentityRules.AdminKey);

        EventWhileRunning = await Admin.PostAsJsonAsync("/api/v1/events", new { events = new[] { Message("held-1", "+44 20 7946 0958") } });
        CreateWhileRunning = await Admin.PostAsJsonAsync("/api/v1/customers", new { profile = new { name = "Held", phone = "+44 20 7946 0999" } });
        PhoneEditWhileRunning = await Admin.PatchAsJsonAsync($"/api/v1/customers/{Grace}", new { phone = "+44 20 7946 0998" });
        ListWhileRunning = await Admin.GetAsync("/api/v1/customers?limit=50");
        StatusWhileRunning = await Pass.Status();

        await hold.RollbackAsync();
        Finished = await Pass.WaitUntilDone(TimeSpan.FromSeconds(20));
        for (var waited = 0; !Service.Services.GetRequiredService<IdentityUpgradeGate>().IsOpen && waited < 100; waited++)
        {
            await Task.Delay(100);
        }
    }

    private IIdentityUpgradeGrain Pass => Service.Services.GetRequiredService<IGrainFactory>().GetGrain<IIdentityUpgradeGrain>(IdentityUpgradeGrain.Key);

    public static object Message(string id, string identity) => new
    {
        id,
        type = "message_received",
        channel = "whatsapp",
        identity,
        occurredAt = DateTimeOffset.UtcNow,
        conversationId = "wa-oliver-3",
        text = "Is my order on its way?",
    };

    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>The owner stored for an identity key, or null when no identity grain holds that key.</summary>
    public async Task<string?> StoredOwnerAsync(string identityKey)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("SELECT payload->>'ownerId' FROM crm_grain_state WHERE grain_type = 'identity.identity' AND grain_key = $1", connection);
        command.Parameters.AddWithValue(identityKey);
        return await command.ExecuteScalarAsync() as string;
    }

    public async Task<long> CountAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<string> OwnerAsync(string identityKey) =>
        await StoredOwnerAsync(identityKey) ?? throw new InvalidOperationException($"the fixture has no identity {identityKey}");

    public async Task DisposeAsync()
    {
        if (Service is not null)
        {
            await Service.DisposeAsync();
        }

        await _database.DisposeAsync();
    }
}
