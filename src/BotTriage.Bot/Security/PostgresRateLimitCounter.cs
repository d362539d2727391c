using BotTriage.Bot.Storage.Postgres;
using Npgsql;

namespace BotTriage.Bot.Security;

/// <summary>
/// <see cref="IRateLimitCounter"/> on PostgreSQL (migration 9, an UNLOGGED table: the counts are never in the
/// write-ahead log, replicas or backups). A request is one round trip of two statements in one transaction: the counts
/// of earlier windows are deleted, then the key's row is inserted, counted up, or started again for the new window,
/// under its row lock, so two instances counting the same key at once both count.
/// </summary>
public sealed class PostgresRateLimitCounter(PostgresDatabase database) : IRateLimitCounter
{
    public Task<int> CountAsync(string key, DateTimeOffset windowStart, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return database.RunBatchAsync(
            [
                new NpgsqlBatchCommand("DELETE FROM rate_limit_counts WHERE window_start < @window")
                {
                    Parameters = { PostgresSessionStore.Time("window", windowStart) },
                },
                new NpgsqlBatchCommand(
                    """
                    INSERT INTO rate_limit_counts (key, window_start, requests) VALUES (@key, @window, 1)
                    ON CONFLICT (key) DO UPDATE SET
                        requests = CASE WHEN rate_limit_counts.window_start = excluded.window_start THEN rate_limit_counts.requests + 1 ELSE 1 END,
                        window_start = excluded.window_start
                    RETURNING requests
                    """)
                {
                    Parameters = { new NpgsqlParameter<string>("key", key), PostgresSessionStore.Time("window", windowStart) },
                },
            ],
            async reader => await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? reader.GetInt32(0) : 1,
            cancellationToken);
    }
}
