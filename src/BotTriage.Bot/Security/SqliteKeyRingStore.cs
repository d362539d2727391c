using BotTriage.Bot.Sessions;
using BotTriage.Bot.Storage;

namespace BotTriage.Bot.Security;

/// <summary><see cref="IKeyRingStore"/> in the bot's SQLite file, written through the database's write queue.</summary>
public sealed class SqliteKeyRingStore : IKeyRingStore
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS data_protection_keys (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL,
            xml TEXT NOT NULL
        );
        """;

    private readonly SqliteDatabase _database;
    private readonly SqliteSchema _schema;

    public SqliteKeyRingStore(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _schema = new SqliteSchema(database, Schema);
    }

    public IReadOnlyList<string> GetAll() => GetAllAsync().GetAwaiter().GetResult();

    public void Store(string name, string xml)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentException.ThrowIfNullOrEmpty(xml);
        StoreAsync(name, xml).GetAwaiter().GetResult();
    }

    private async Task<IReadOnlyList<string>> GetAllAsync()
    {
        await _schema.EnsureAsync(CancellationToken.None).ConfigureAwait(false);
        await using var connection = await _database.OpenConnectionAsync(CancellationToken.None).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT xml FROM data_protection_keys ORDER BY seq;";
        var elements = new List<string>();
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            elements.Add(reader.GetString(0));
        }

        return elements;
    }

    private async Task StoreAsync(string name, string xml)
    {
        await _schema.EnsureAsync(CancellationToken.None).ConfigureAwait(false);
        await _database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "INSERT INTO data_protection_keys (name, xml) VALUES ($name, $xml);";
                command.Parameters.AddWithValue("$name", name);
                command.Parameters.AddWithValue("$xml", xml);
                return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            },
            CancellationToken.None).ConfigureAwait(false);
    }
}
