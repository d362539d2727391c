using BotTriage.Bot.Storage.Postgres;
using Npgsql;

namespace BotTriage.Bot.Security;

/// <summary><see cref="IKeyRingStore"/> on PostgreSQL (migration 7): one key ring for every instance on the database.</summary>
public sealed class PostgresKeyRingStore(PostgresDatabase database) : IKeyRingStore
{
    public IReadOnlyList<string> GetAll() =>
        database.RunAsync<IReadOnlyList<string>>(
            async connection =>
            {
                await using var command = new NpgsqlCommand("SELECT xml FROM data_protection_keys ORDER BY seq", connection);
                var elements = new List<string>();
                await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
                while (await reader.ReadAsync().ConfigureAwait(false))
                {
                    elements.Add(reader.GetString(0));
                }

                return elements;
            },
            CancellationToken.None).GetAwaiter().GetResult();

    public void Store(string name, string xml)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentException.ThrowIfNullOrEmpty(xml);
        database.RunAsync(
            async connection =>
            {
                await using var command = new NpgsqlCommand("INSERT INTO data_protection_keys (name, xml) VALUES (@name, @xml)", connection);
                command.Parameters.Add(new NpgsqlParameter<string>("name", name));
                command.Parameters.Add(new NpgsqlParameter<string>("xml", xml));
                return await command.ExecuteNonQueryAsync().ConfigureAwait(false);
            },
            CancellationToken.None).GetAwaiter().GetResult();
    }
}
