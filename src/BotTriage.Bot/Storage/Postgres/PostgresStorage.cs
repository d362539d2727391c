using System.Diagnostics;
using System.Text.Json;
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

    private const string UpdateIfMatchSql = "UPDATE bot_state SET value = @value, etag = @etag, updated = @updated WHERE key = @key AND etag = @expected";

    private const string InsertIfAbsentSql = """
        INSERT INTO bot_state (key, value, etag, updated) VALUES (@key, @value, @etag, @updated)
        ON CONFLICT (key) DO NOTHING
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
        await _database.RunAsync(
            async connection =>
            {
                await using var command = new NpgsqlCommand("SELECT key, value, etag FROM bot_state WHERE key = ANY(@keys)", connection);
                command.Parameters.Add(new NpgsqlParameter<string[]>("keys", [.. keys.Distinct(StringComparer.Ordinal)]));
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    result[reader.GetString(0)] = new StoreItem(JsonElement.Parse(reader.GetString(1)), reader.GetString(2));
                }

                return result.Count;
            },
            cancellationToken).ConfigureAwait(false);

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
        var conflict = await _database.RunInTransactionAsync<string?>(
            async connection =>
            {
                // Keys in a fixed order, so two multi-key writes cannot lock each other's rows in opposite orders.
                foreach (var (key, item) in changes.OrderBy(c => c.Key, StringComparer.Ordinal))
                {
                    var etag = Guid.NewGuid().ToString("N");
                    if (!await TryWriteAsync(connection, key, item, etag, updated, cancellationToken).ConfigureAwait(false))
                    {
                        // Not kept: the keys already written are rolled back with the rest.
                        return (key, false);
                    }

                    etags[key] = etag;
                }

                return (null, true);
            },
            cancellationToken,
            // A single key refused on its ETag changed nothing, so only a multi-key write needs undoing.
            mayUndo: changes.Count > 1).ConfigureAwait(false);

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

    private static async Task<bool> TryWriteAsync(
        NpgsqlConnection connection,
        string key,
        StoreItem item,
        string etag,
        DateTimeOffset updated,
        CancellationToken cancellationToken)
    {
        if (SqliteStorage.IsUnconditional(item.ETag))
        {
            await ExecuteAsync(connection, UpsertSql, key, item, etag, updated, cancellationToken).ConfigureAwait(false);
            return true;
        }

        // A matching ETag updates the row; a key that does not exist yet is created (IStorage's rule for new keys);
        // anything else means another writer got there first. Under READ COMMITTED the UPDATE waits for a concurrent
        // writer of the row and then re-checks the ETag against the committed row.
        return await ExecuteAsync(connection, UpdateIfMatchSql, key, item, etag, updated, cancellationToken).ConfigureAwait(false) == 1
            || await ExecuteAsync(connection, InsertIfAbsentSql, key, item, etag, updated, cancellationToken).ConfigureAwait(false) == 1;
    }

    private static async Task<int> ExecuteAsync(
        NpgsqlConnection connection,
        string sql,
        string key,
        StoreItem item,
        string etag,
        DateTimeOffset updated,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter<string>("key", key));
        command.Parameters.Add(new NpgsqlParameter<string>("value", item.Value.GetRawText()));
        command.Parameters.Add(new NpgsqlParameter<string>("etag", etag));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("updated", NpgsqlDbType.TimestampTz) { TypedValue = updated.ToUniversalTime() });
        if (ReferenceEquals(sql, UpdateIfMatchSql))
        {
            command.Parameters.Add(new NpgsqlParameter<string>("expected", item.ETag!));
        }

        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
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
