using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace BotTriage.Bot.Storage.Postgres;

/// <summary>
/// <see cref="IStorage"/> on PostgreSQL: one row per key with its JSON text (kept byte for byte), ETag and update
/// time. A write is one transaction whose conditional statements check the ETag in the row itself, so of two
/// instances writing against the same ETag exactly one succeeds, and a multi-key write is all or nothing.
/// </summary>
public sealed partial class PostgresStorage : IStorage
{
    private const string UpsertSql = """
        INSERT INTO bot_state (key, value, etag, updated) VALUES (@key, @value, @etag, @updated)
        ON CONFLICT (key) DO UPDATE SET value = excluded.value, etag = excluded.etag, updated = excluded.updated
        """;

    // A matching ETag updates the row; a key that does not exist yet is created (IStorage's rule for new keys);
    // anything else means another writer got there first, and the statement counts 0. Under READ COMMITTED the UPDATE
    // waits for a concurrent writer of the row and then re-checks the ETag against the committed row, and the INSERT
    // waits for a concurrent insert of the key and then does nothing.
    private const string WriteIfMatchSql = """
        WITH updated AS (
            UPDATE bot_state SET value = @value, etag = @etag, updated = @updated WHERE key = @key AND etag = @expected
            RETURNING 1
        ), inserted AS (
            INSERT INTO bot_state (key, value, etag, updated) SELECT @key, @value, @etag, @updated
            WHERE NOT EXISTS (SELECT FROM updated)
            ON CONFLICT (key) DO NOTHING
            RETURNING 1
        )
        SELECT (SELECT count(*) FROM updated) + (SELECT count(*) FROM inserted)
        """;

    private readonly PostgresDatabase _database;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<PostgresStorage> _logger;

    public PostgresStorage(PostgresDatabase database, TimeProvider timeProvider, ILogger<PostgresStorage> logger)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _database = database;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public async Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var result = new Dictionary<string, StoreItem>(StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            return result;
        }

        var started = Stopwatch.GetTimestamp();
        if (_database.Turn is { } turn && turn.Durable is { } seen && keys.All(k => k == turn.Key))
        {
            // Read with the turn's lock, in the round trip that took it; only this turn can have changed it since.
            if (seen.Value is not null)
            {
                result[turn.Key] = new StoreItem(Encoding.UTF8.GetBytes(seen.Value), seen.ETag);
            }
        }
        else
        {
            await _database.RunBatchAsync(
                [ReadCommand(keys)],
                async reader =>
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        result[reader.GetString(0)] = new StoreItem(Encoding.UTF8.GetBytes(reader.GetString(1)), reader.GetString(2));
                    }

                    return result.Count;
                },
                cancellationToken).ConfigureAwait(false);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);

        LogRead(_logger, keys.Count, result.Count, elapsed.TotalMilliseconds);
        return result;
    }

    public async Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var etags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (changes.Count == 0)
        {
            return etags;
        }

        foreach (var item in changes.Values)
        {
            ArgumentNullException.ThrowIfNull(item);
        }

        var started = Stopwatch.GetTimestamp();
        var updated = _timeProvider.GetUtcNow();
        string? conflict = null;
        if (changes.Count == 1 && _database.Turn is { } turn && turn.Durable is { Value: not null } seen
            && changes.Single() is var (turnKey, turnItem) && turnKey == turn.Key && !turnItem.IsUnconditional)
        {
            // The turn's own conversation, whose row the turn read and row-locked in its first round trip (or wrote
            // since): nobody else can have changed it, so the ETag check is decided here, and the write waits for the
            // turn's next statement or its commit like the writes nobody reads.
            if (!string.Equals(turnItem.ETag, seen.ETag, StringComparison.Ordinal))
            {
                LogConflict(_logger, 1);
                throw new StorageConcurrencyException(turnKey);
            }

            var etag = Guid.NewGuid().ToString("N");
            var value = Encoding.UTF8.GetString(turnItem.Json.Span);
            await _database.WriteAsync([UpdateCommand(turnKey, value, etag, updated)], cancellationToken).ConfigureAwait(false);
            turn.Durable = new PostgresTurn.DurableRow(value, etag);
            etags[turnKey] = etag;
            var written = Stopwatch.GetElapsedTime(started);
            LogWritten(_logger, 1, written.TotalMilliseconds);
            return etags;
        }

        Forget(changes.Keys);
        if (changes.Count == 1)
        {
            // One statement, so no transaction of its own; inside a turn, an unconditional write (whose ETag is made
            // here) waits for the turn's next statement or its commit.
            var (key, item) = changes.Single();
            var etag = Guid.NewGuid().ToString("N");
            var command = WriteCommand(key, item, etag, updated);
            if (item.IsUnconditional)
            {
                await _database.WriteAsync([command], cancellationToken).ConfigureAwait(false);
            }
            else if (!await _database.RunBatchAsync(
                [command],
                async reader => await reader.ReadAsync(cancellationToken).ConfigureAwait(false) && reader.GetInt64(0) == 1,
                cancellationToken).ConfigureAwait(false))
            {
                conflict = key;
            }

            if (conflict is null)
            {
                etags[key] = etag;
            }
        }
        else
        {
            conflict = await _database.RunInTransactionAsync<string?>(
                async connection =>
                {
                    // Keys in a fixed order, so two multi-key writes cannot lock each other's rows in opposite orders.
                    foreach (var (key, item) in changes.OrderBy(c => c.Key, StringComparer.Ordinal))
                    {
                        var etag = Guid.NewGuid().ToString("N");
                        await using var batch = new NpgsqlBatch(connection) { BatchCommands = { WriteCommand(key, item, etag, updated) } };
                        var written = await batch.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                        if (!item.IsUnconditional && written is not 1L)
                        {
                            // Not kept: the keys already written are rolled back with the rest.
                            return (key, false);
                        }

                        etags[key] = etag;
                    }

                    return (null, true);
                },
                cancellationToken).ConfigureAwait(false);
        }

        if (conflict is not null)
        {
            etags.Clear();
            LogConflict(_logger, changes.Count);
            throw new StorageConcurrencyException(conflict);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);

        LogWritten(_logger, changes.Count, elapsed.TotalMilliseconds);
        return etags;
    }

    public async Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return;
        }

        Forget(keys);
        var deleted = await _database.RunAsync(
            async connection =>
            {
                await using var command = new NpgsqlCommand("DELETE FROM bot_state WHERE key = ANY(@keys)", connection);
                command.Parameters.Add(new NpgsqlParameter<string[]>("keys", [.. keys]));
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        LogDeleted(_logger, deleted);
    }

    public async Task<int> DeleteByPrefixAsync(string prefix, CancellationToken cancellationToken)
    {
        // An empty prefix would erase every conversation; erasure is always about one person or conversation.
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        Forget(null);
        var deleted = await _database.RunAsync(
            async connection =>
            {
                // left() compares the prefix literally; LIKE would treat % and _ in conversation ids as wildcards.
                await using var command = new NpgsqlCommand("DELETE FROM bot_state WHERE left(key, length(@prefix)) = @prefix", connection);
                command.Parameters.Add(new NpgsqlParameter<string>("prefix", prefix));
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        LogDeleted(_logger, deleted);
        return deleted;
    }

    public Task<bool> IsHealthyAsync(CancellationToken cancellationToken) => _database.IsHealthyAsync(cancellationToken);

    /// <summary>The statement that reads state rows: key, value and ETag of each of <paramref name="keys"/> found.</summary>
    internal static NpgsqlBatchCommand ReadCommand(IReadOnlyCollection<string> keys) =>
        new("SELECT key, value, etag FROM bot_state WHERE key = ANY(@keys)")
        {
            Parameters = { new NpgsqlParameter<string[]>("keys", [.. keys.Distinct(StringComparer.Ordinal)]) },
        };

    /// <summary>
    /// The statement a turn reads its conversation's state row with: value and ETag, the row locked until the turn's
    /// transaction ends, so that other writers (erasure, retention, a writer not holding the turn lock) wait for it.
    /// </summary>
    internal static NpgsqlBatchCommand ReadForTurnCommand(string key) =>
        new("SELECT value, etag FROM bot_state WHERE key = @key FOR UPDATE")
        {
            Parameters = { new NpgsqlParameter<string>("key", key) },
        };

    // The write of a row the running turn holds locked and whose ETag it has checked.
    private static NpgsqlBatchCommand UpdateCommand(string key, string value, string etag, DateTimeOffset updated) =>
        new("UPDATE bot_state SET value = @value, etag = @etag, updated = @updated WHERE key = @key")
        {
            Parameters =
            {
                new NpgsqlParameter<string>("key", key),
                new NpgsqlParameter<string>("value", value),
                new NpgsqlParameter<string>("etag", etag),
                new NpgsqlParameter<DateTimeOffset>("updated", NpgsqlDbType.TimestampTz) { TypedValue = updated.ToUniversalTime() },
            },
        };

    // An unconditional write returns no rows; a conditional one returns the number of rows written (0 or 1).
    private static NpgsqlBatchCommand WriteCommand(string key, StoreItem item, string etag, DateTimeOffset updated)
    {
        var unconditional = item.IsUnconditional;
        var command = new NpgsqlBatchCommand(unconditional ? UpsertSql : WriteIfMatchSql)
        {
            Parameters =
            {
                new NpgsqlParameter<string>("key", key),
                new NpgsqlParameter<string>("value", Encoding.UTF8.GetString(item.Json.Span)),
                new NpgsqlParameter<string>("etag", etag),
                new NpgsqlParameter<DateTimeOffset>("updated", NpgsqlDbType.TimestampTz) { TypedValue = updated.ToUniversalTime() },
            },
        };
        if (!unconditional)
        {
            command.Parameters.Add(new NpgsqlParameter<string>("expected", item.ETag!));
        }

        return command;
    }

    // The running turn's copy of its conversation's row no longer holds once the turn writes or deletes it.
    private void Forget(IEnumerable<string>? keys)
    {
        if (_database.Turn is { } turn && (keys is null || keys.Contains(turn.Key, StringComparer.Ordinal)))
        {
            turn.Durable = null;
        }
    }

    [LoggerMessage(EventId = 1160, Level = LogLevel.Debug, Message = "State read: {Requested} keys requested, {Found} found in {ElapsedMilliseconds:F2} ms")]
    private static partial void LogRead(ILogger logger, int requested, int found, double elapsedMilliseconds);

    [LoggerMessage(EventId = 1161, Level = LogLevel.Debug, Message = "State written: {Count} keys in {ElapsedMilliseconds:F2} ms")]
    private static partial void LogWritten(ILogger logger, int count, double elapsedMilliseconds);

    [LoggerMessage(EventId = 1162, Level = LogLevel.Information, Message = "State write of {Count} keys refused: ETag conflict")]
    private static partial void LogConflict(ILogger logger, int count);

    [LoggerMessage(EventId = 1163, Level = LogLevel.Debug, Message = "State deleted: {Count} keys")]
    private static partial void LogDeleted(ILogger logger, int count);
}
