using Microsoft.Data.Sqlite;

namespace Crm.Web.Tests.Upgrade;

/// <summary>
/// The ids the old release drew at random, read straight from its rows (not through the new service, whose answers are
/// what the tests check): customers by the identity each owns, the merged and the erased customer by their state, and the
/// agent key by its name.
/// </summary>
public sealed record StoredIds(
    string Ana,
    string Bruno,
    string Carla,
    string CarlaInstagramDuplicate,
    string Diego,
    string Eva,
    string ErasedFelix,
    string GlobexCustomer,
    string AgentKeyId)
{
    public static async Task<StoredIds> ReadAsync(SqliteConnection connection)
    {
        return new StoredIds(
            Ana: await OwnerAsync(connection, $"default/whatsapp/{ReleaseBeforeOrleans.AnaWhatsApp}"),
            Bruno: await OwnerAsync(connection, $"default/email/{ReleaseBeforeOrleans.BrunoEmail}"),
            Carla: await OwnerAsync(connection, $"default/widget/{ReleaseBeforeOrleans.CarlaWidgetSession}"),
            CarlaInstagramDuplicate: await CustomerWhereAsync(connection, "json_extract(payload, '$.mergedInto') IS NOT NULL"),
            Diego: await OwnerAsync(connection, $"default/sms/{ReleaseBeforeOrleans.DiegoSms}"),
            Eva: await OwnerAsync(connection, $"default/email/{ReleaseBeforeOrleans.EvaEmail}"),
            ErasedFelix: await CustomerWhereAsync(connection, "json_extract(payload, '$.erasedAt') IS NOT NULL"),
            GlobexCustomer: await OwnerAsync(connection, $"globex/email/{ReleaseBeforeOrleans.AnaEmail}"),
            AgentKeyId: await SingleAsync(connection, "SELECT json_extract(payload, '$.key.id') FROM crm_grain_state WHERE grain_type = 'apikey.key' AND json_extract(payload, '$.key.name') = 'Support agent'"));
    }

    private static Task<string> OwnerAsync(SqliteConnection connection, string identityKey) =>
        SingleAsync(connection, "SELECT json_extract(payload, '$.ownerId') FROM crm_grain_state WHERE grain_type = 'identity.identity' AND grain_key = @key", identityKey);

    private static async Task<string> CustomerWhereAsync(SqliteConnection connection, string condition)
    {
        var key = await SingleAsync(connection, $"SELECT grain_key FROM crm_grain_state WHERE grain_type = 'customer.customer' AND grain_key LIKE 'default/%' AND {condition}");
        return key["default/".Length..];
    }

    private static async Task<string> SingleAsync(SqliteConnection connection, string sql, string? key = null)
    {
        await using var command = new SqliteCommand(sql, connection);
        if (key is not null)
        {
            command.Parameters.AddWithValue("@key", key);
        }

        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"the fixture has no row for: {sql} ({key})");
        var value = reader.GetString(0);
        Assert.False(await reader.ReadAsync(), $"the fixture has more than one row for: {sql} ({key})");
        return value;
    }
}
