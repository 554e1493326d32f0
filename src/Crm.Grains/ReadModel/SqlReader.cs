using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Crm.Grains.ReadModel;

/// <summary>Runs a parameterized query (<c>@name</c> parameters) on either SQL store and maps each row.</summary>
public sealed class SqlReader(Func<CancellationToken, Task<DbConnection>> open)
{
    public static SqlReader ForPostgres(NpgsqlDataSource dataSource) => new(async cancellationToken => await dataSource.OpenConnectionAsync(cancellationToken));

    public static SqlReader ForSqlite(string connectionString) => new(async cancellationToken =>
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    });

    /// <param name="prepared">Prepares the statement on its connection, where it stays across pool returns: for statements run many times a second.</param>
    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, IReadOnlyList<(string Name, object Value)> parameters, Func<DbDataReader, T> map, CancellationToken cancellationToken, bool prepared = false)
    {
        await using var connection = await open(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        if (prepared)
        {
            await command.PrepareAsync(cancellationToken);
        }

        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }

        return rows;
    }
}
