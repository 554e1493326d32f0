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

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, IReadOnlyList<(string Name, object Value)> parameters, Func<DbDataReader, T> map, CancellationToken cancellationToken)
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

        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }

        return rows;
    }
}
