using BotTriage.Bot.State;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace BotTriage.Bot.Storage.Postgres;

/// <summary>
/// <see cref="ISharedTurnLock"/> as a PostgreSQL session-level advisory lock on a 64-bit hash of the conversation
/// key, held on its own connection for the whole turn. When an instance dies mid-turn its session ends and the
/// server releases the lock, so no conversation stays locked.
/// </summary>
public sealed partial class PostgresTurnLock(PostgresDatabase database, ILogger<PostgresTurnLock> logger) : ISharedTurnLock
{
    public async Task<IAsyncDisposable> AcquireAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var connection = await database.OpenHeldConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(hashtextextended(@key, 0))", connection);
            command.Parameters.Add(new NpgsqlParameter<string>("key", key));
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return new Held(connection, key, logger);
        }
        catch (Exception exception)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            var translated = database.Translate(exception);
            if (ReferenceEquals(translated, exception))
            {
                throw;
            }

            throw translated;
        }
    }

    [LoggerMessage(EventId = 1180, Level = LogLevel.Warning, Message = "Turn lock release failed ({ErrorType}); the lock ends with its connection")]
    private static partial void LogReleaseFailed(ILogger logger, string errorType);

    private sealed class Held(NpgsqlConnection connection, string key, ILogger logger) : IAsyncDisposable
    {
        private int _released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0)
            {
                return;
            }

            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(hashtextextended(@key, 0))", connection);
                command.Parameters.Add(new NpgsqlParameter<string>("key", key));
                await command.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception exception) when (PostgresDatabase.IsUnavailable(exception) || exception is NpgsqlException or InvalidOperationException)
            {
                LogReleaseFailed(logger, exception.GetType().Name);
            }
            finally
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
