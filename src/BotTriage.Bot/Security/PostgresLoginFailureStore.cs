using BotTriage.Bot.Storage.Postgres;
using Npgsql;

namespace BotTriage.Bot.Security;

/// <summary>
/// <see cref="ILoginFailureStore"/> on PostgreSQL (migration 8): every instance counts the same failures, so a name
/// locks after the maximum wherever the attempts land. A failure is one round trip of two statements in one
/// transaction: the forgotten counts are deleted, then the name's row is inserted or counted up under its row lock.
/// </summary>
public sealed class PostgresLoginFailureStore(PostgresDatabase database) : ILoginFailureStore
{
    public Task<bool> IsLockedAsync(string name, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        return database.RunAsync(
            async connection =>
            {
                await using var command = new NpgsqlCommand(
                    "SELECT EXISTS (SELECT FROM login_failures WHERE name = @name AND locked_until > @now)", connection);
                command.Parameters.Add(new NpgsqlParameter<string>("name", name));
                command.Parameters.Add(PostgresSessionStore.Time("now", now));
                return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            },
            cancellationToken);
    }

    public Task<bool> RecordFailureAsync(string name, LoginLockout lockout, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        return database.RunBatchAsync(
            [
                new NpgsqlBatchCommand("DELETE FROM login_failures WHERE (locked_until IS NULL OR locked_until <= @now) AND last_failure <= @forgotten")
                {
                    Parameters = { PostgresSessionStore.Time("now", now), PostgresSessionStore.Time("forgotten", now - lockout.Period) },
                },
                new NpgsqlBatchCommand(
                    """
                    INSERT INTO login_failures (name, failures, last_failure, locked_until)
                    VALUES (@name, 1, @now, CASE WHEN 1 >= @max THEN @until END)
                    ON CONFLICT (name) DO UPDATE SET
                        failures = login_failures.failures + 1,
                        last_failure = excluded.last_failure,
                        locked_until = CASE WHEN login_failures.failures + 1 >= @max THEN @until END
                    RETURNING locked_until IS NOT NULL
                    """)
                {
                    Parameters =
                    {
                        new NpgsqlParameter<string>("name", name),
                        PostgresSessionStore.Time("now", now),
                        PostgresSessionStore.Time("until", now + lockout.Period),
                        new NpgsqlParameter<int>("max", lockout.MaxFailures),
                    },
                },
            ],
            async reader => await reader.ReadAsync(cancellationToken).ConfigureAwait(false) && reader.GetBoolean(0),
            cancellationToken);
    }

    public Task ForgetAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        return database.RunAsync(
            async connection =>
            {
                await using var command = new NpgsqlCommand("DELETE FROM login_failures WHERE name = @name", connection);
                command.Parameters.Add(new NpgsqlParameter<string>("name", name));
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }
}
