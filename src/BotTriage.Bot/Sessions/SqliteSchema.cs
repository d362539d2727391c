using BotTriage.Bot.Storage;
using Microsoft.Data.Sqlite;

namespace BotTriage.Bot.Sessions;

/// <summary>
/// Creates a store's own tables in the shared SQLite file once, on first use, through the database's write queue;
/// the statements are <c>IF NOT EXISTS</c>, so another process doing the same is harmless. Columns added since a
/// table was first made are added to older files in the same write, which holds the file's write lock between the
/// check and the change.
/// </summary>
internal sealed class SqliteSchema(SqliteDatabase database, string statements, params (string Table, string Column, string AddStatement)[] addedColumns)
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
                    foreach (var (table, column, addStatement) in addedColumns)
                    {
                        if (!await HasColumnAsync(connection, transaction, table, column, ct).ConfigureAwait(false))
                        {
                            command.CommandText = addStatement;
                            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                        }
                    }
                }

                return 0;
            },
            cancellationToken).ConfigureAwait(false);
        _created = true;
    }

    private static async Task<bool> HasColumnAsync(SqliteConnection connection, SqliteTransaction transaction, string table, string column, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT count(*) FROM pragma_table_info($table) WHERE name = $column;";
        command.Parameters.AddWithValue("$table", table);
        command.Parameters.AddWithValue("$column", column);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }
}
