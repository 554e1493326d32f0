using Crm.Grains.Tests.Infrastructure;
using Crm.Silo.Storage;
using Microsoft.Data.Sqlite;

namespace Crm.Grains.Tests.Customers;

public sealed class SqliteReadModelTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("crm-grains-");

    private string ConnectionString => $"Data Source={Path.Combine(_folder.FullName, "crm.db")}";

    [Fact]
    public async Task The_stat_cards_equal_a_count_of_the_customer_rows_after_random_traffic()
    {
        await using (var silo = await CrmSilo.StartAsync(new SqliteStateStorage(ConnectionString)))
        {
            await RandomTraffic.SendAsync(silo, "acme", events: 1000, identities: 80, seed: 5);
        }

        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        var counted = await Row(connection, """
            SELECT count(*), sum(lifecycle = 'active'), sum(lifecycle = 'at_risk'), sum(intent = 'sales_opportunity')
            FROM crm_customers WHERE workspace = 'acme'
            """);
        var cards = await Row(connection, "SELECT sum(all_count), sum(active), sum(needs_attention), sum(sales_opportunities) FROM crm_stat_slots WHERE workspace = 'acme'");
        var timelineEntries = await Row(connection, "SELECT count(*) FROM crm_timeline WHERE workspace = 'acme'");
        Assert.Equal(counted, cards);
        Assert.True(counted[0] > 0 && timelineEntries[0] > counted[0]);
    }

    private static async Task<long[]> Row(SqliteConnection connection, string sql)
    {
        await using var command = new SqliteCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), "no row");
        return Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetInt64(i)).ToArray();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
