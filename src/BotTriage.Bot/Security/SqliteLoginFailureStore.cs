using BotTriage.Bot.Sessions;
using BotTriage.Bot.Storage;
using Microsoft.Data.Sqlite;

namespace BotTriage.Bot.Security;

/// <summary>
/// <see cref="ILoginFailureStore"/> in the bot's SQLite file: a restart keeps a lock. Each failure first deletes the
/// counts that are forgotten, in the same write.
/// </summary>
public sealed class SqliteLoginFailureStore : ILoginFailureStore
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS login_failures (
            name TEXT NOT NULL PRIMARY KEY,
            failures INTEGER NOT NULL,
            last_failure TEXT NOT NULL,
            locked_until TEXT NULL
        );
        """;

    private readonly SqliteDatabase _database;
    private readonly SqliteSchema _schema;

    public SqliteLoginFailureStore(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _schema = new SqliteSchema(database, Schema);
    }

    public async Task<bool> IsLockedAsync(string name, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM login_failures WHERE name = $name AND locked_until > $now;";
        command.Parameters.Add("$name", SqliteType.Text).Value = name;
        command.Parameters.Add("$now", SqliteType.Text).Value = SqliteTime.Format(now);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    public async Task<bool> RecordFailureAsync(string name, LoginLockout lockout, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        return await _database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = """
                    DELETE FROM login_failures
                    WHERE (locked_until IS NULL OR locked_until <= $now) AND last_failure <= $forgotten;
                    INSERT INTO login_failures (name, failures, last_failure, locked_until)
                    VALUES ($name, 1, $now, CASE WHEN 1 >= $max THEN $until END)
                    ON CONFLICT (name) DO UPDATE SET
                        failures = login_failures.failures + 1,
                        last_failure = excluded.last_failure,
                        locked_until = CASE WHEN login_failures.failures + 1 >= $max THEN $until END
                    RETURNING locked_until IS NOT NULL;
                    """;
                command.Parameters.Add("$name", SqliteType.Text).Value = name;
                command.Parameters.Add("$now", SqliteType.Text).Value = SqliteTime.Format(now);
                command.Parameters.Add("$forgotten", SqliteType.Text).Value = SqliteTime.Format(now - lockout.Period);
                command.Parameters.Add("$until", SqliteType.Text).Value = SqliteTime.Format(now + lockout.Period);
                command.Parameters.Add("$max", SqliteType.Integer).Value = lockout.MaxFailures;
                return Convert.ToInt64(await command.ExecuteScalarAsync(ct).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) == 1;
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task ForgetAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await _database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "DELETE FROM login_failures WHERE name = $name;";
                command.Parameters.Add("$name", SqliteType.Text).Value = name;
                return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }
}
