using BotTriage.Bot.Storage;

namespace BotTriage.Bot.Sessions;

/// <summary>
/// Creates a store's own tables in the shared SQLite file once, on first use, through the database's write queue;
/// the statements are <c>IF NOT EXISTS</c>, so another process doing the same is harmless.
/// </summary>
internal sealed class SqliteSchema(SqliteDatabase database, string statements)
{
    private volatile bool _created;

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (_created)
        {
            return;
        }

        await database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                if (!_created)
                {
                    await using var command = connection.CreateCommand();
                    command.Transaction = transaction;
                    command.CommandText = statements;
                    await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }

                return 0;
            },
            cancellationToken).ConfigureAwait(false);
        _created = true;
    }
}
