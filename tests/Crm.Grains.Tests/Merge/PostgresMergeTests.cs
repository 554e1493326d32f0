using Crm.Grains.Identities;
using Crm.Grains.Ingest;
using Crm.Grains.Merge;
using Crm.Grains.Tests.Infrastructure;
using Crm.Silo.Storage;
using Crm.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Crm.Grains.Tests.Merge;

public sealed class PostgresMergeTests(PostgresTestDatabase postgres) : IClassFixture<PostgresTestDatabase>
{
    private const string Workspace = "acme";

    [Theory]
    [InlineData(MergePhase.DuplicateRetired)]
    [InlineData(MergePhase.Absorbed)]
    public async Task A_merge_interrupted_on_postgres_completes_exactly_once_and_the_cards_still_match_the_rows(MergePhase crashAfter)
    {
        var workspace = $"{Workspace}-{(int)crashAfter}";
        string survivor, duplicate;
        await using (var crashing = await CrmSilo.StartAsync(new PostgresStateStorage(postgres.ConnectionString), services => services.AddSingleton<IMergeFaults>(new CrashAfterMergePhase(crashAfter))))
        {
            var ingestor = crashing.Ingestor();
            survivor = (await ingestor.IngestAsync(workspace, Events.Order(Channel.Email, "una@example.com", CrmSilo.Start, "o-1", 60m))).CustomerId!;
            duplicate = (await ingestor.IngestAsync(workspace, Events.Order(Channel.Sms, "+44 20 7946 0002", CrmSilo.Start, "o-2", 40m))).CustomerId!;
            await Assert.ThrowsAsync<SimulatedCrashException>(() => crashing.Grains.GetGrain<IMergeGrain>(MergeKeys.For(workspace, survivor, duplicate)).Merge(survivor, duplicate, "agent:test", dryRun: false));
        }

        await using (var restarted = await CrmSilo.StartAsync(new PostgresStateStorage(postgres.ConnectionString)))
        {
            var result = await restarted.Grains.GetGrain<IMergeGrain>(MergeKeys.For(workspace, survivor, duplicate)).Merge(survivor, duplicate, "agent:test", dryRun: false);
            Assert.Equal(100m, result.Survivor.LifetimeValue);
            Assert.Equal(2, result.Survivor.Orders);
        }

        await using var connection = new NpgsqlConnection(postgres.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM crm_customers WHERE workspace = @w), (SELECT sum(all_count)::bigint FROM crm_stat_slots WHERE workspace = @w), (SELECT count(*) FROM crm_timeline WHERE workspace = @w AND customer_id = @d)",
            connection);
        command.Parameters.AddWithValue("w", workspace);
        command.Parameters.AddWithValue("d", duplicate);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal(1L, reader.GetInt64(0));
        Assert.Equal(1L, reader.GetInt64(1));
        Assert.Equal(0L, reader.GetInt64(2));
    }
}
