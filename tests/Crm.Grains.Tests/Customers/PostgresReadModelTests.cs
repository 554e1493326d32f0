using Crm.Grains.Identities;
using Crm.Grains.Ingest;
using Crm.Grains.Tests.Infrastructure;
using Crm.Silo.Storage;
using Crm.Testing;
using Npgsql;

namespace Crm.Grains.Tests.Customers;

public sealed class PostgresReadModelTests(PostgresTestDatabase postgres) : IClassFixture<PostgresTestDatabase>
{
    private const string Workspace = "acme";

    [Fact]
    public async Task The_stat_cards_equal_a_count_of_the_customer_rows_after_random_traffic()
    {
        await using (var silo = await CrmSilo.StartAsync(new PostgresStateStorage(postgres.ConnectionString)))
        {
            await RandomTraffic.SendAsync(silo, Workspace, events: 2000, identities: 120, seed: 11);
        }

        await using var connection = new NpgsqlConnection(postgres.ConnectionString);
        await connection.OpenAsync();
        var counted = await Row(connection, """
            SELECT count(*), count(*) FILTER (WHERE lifecycle = 'active'), count(*) FILTER (WHERE lifecycle = 'at_risk'),
                   count(*) FILTER (WHERE intent = 'sales_opportunity')
            FROM crm_customers WHERE workspace = 'acme'
            """);
        var cards = await Row(connection, "SELECT sum(all_count)::bigint, sum(active)::bigint, sum(needs_attention)::bigint, sum(sales_opportunities)::bigint FROM crm_stat_slots WHERE workspace = 'acme'");
        Assert.Equal(counted, cards);
        Assert.True(counted.All(count => count > 0), $"traffic too tame to test every card: {string.Join(", ", counted)}");
    }

    [Fact]
    public async Task A_customer_row_carries_the_columns_filters_and_sorts_need()
    {
        string customerId;
        await using (var silo = await CrmSilo.StartAsync(new PostgresStateStorage(postgres.ConnectionString)))
        {
            var ingestor = silo.Ingestor();
            customerId = (await ingestor.IngestAsync(Workspace, Events.Identify(Channel.Widget, "sess-9", CrmSilo.Start, new Traits
            {
                Profile = new Crm.Grains.Customers.ProfilePatch { Name = "Dora Müller", Company = "Müller GmbH", Country = "de" },
                Identities = [new ChannelIdentity(Channel.Whatsapp, "+49 151 2345 6789")],
            }))).CustomerId!;
            await ingestor.IngestAsync(Workspace, Events.Order(Channel.Widget, "sess-9", CrmSilo.Start.AddHours(1), "o-1", 250m));
            await silo.Grains.GetGrain<Crm.Grains.Customers.ICustomerGrain>($"{Workspace}/{customerId}").AddTags(["Wholesale"], "agent:test");
        }

        await using var connection = new NpgsqlConnection(postgres.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT name, company, country, lifecycle, tags, channels, orders, ltv, search FROM crm_customers WHERE workspace = 'acme' AND id = @id", connection);
        command.Parameters.AddWithValue("id", customerId);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("Dora Müller", reader.GetString(0));
        Assert.Equal("Müller GmbH", reader.GetString(1));
        Assert.Equal("DE", reader.GetString(2));
        Assert.Equal("customer", reader.GetString(3));
        Assert.Equal(["wholesale"], reader.GetFieldValue<string[]>(4));
        Assert.Equal(["whatsapp", "widget"], reader.GetFieldValue<string[]>(5).Order());
        Assert.Equal(1, reader.GetInt32(6));
        Assert.Equal(250m, reader.GetDecimal(7));
        Assert.Contains("müller gmbh", reader.GetString(8));
    }

    private static async Task<long[]> Row(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), "no row");
        return Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetInt64(i)).ToArray();
    }
}
