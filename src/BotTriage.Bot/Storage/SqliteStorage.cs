using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace BotTriage.Bot.Storage;

/// <summary>
/// <see cref="IStorage"/> on a SQLite file: one row per key with its JSON, ETag and update time. ETag checks
/// happen inside the write transaction, so two writers holding the same ETag cannot both succeed.
/// </summary>
public sealed partial class SqliteStorage : IStorage
{
    private const string UpsertSql = """
        INSERT INTO bot_state (key, value, etag, updated) VALUES ($key, CAST($value AS TEXT), $etag, $updated)
        ON CONFLICT (key) DO UPDATE SET value = excluded.value, etag = excluded.etag, updated = excluded.updated;
        """;

    private const string UpdateIfMatchSql = """
        UPDATE bot_state SET value = CAST($value AS TEXT), etag = $etag, updated = $updated WHERE key = $key AND etag = $expected;
        """;

    private const string InsertIfAbsentSql = """
        INSERT INTO bot_state (key, value, etag, updated) VALUES ($key, CAST($value AS TEXT), $etag, $updated)
        ON CONFLICT (key) DO NOTHING;
        """;

    private readonly SqliteDatabase _database;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<SqliteStorage> _logger;

    public SqliteStorage(SqliteDatabase database, TimeProvider timeProvider, ILogger<SqliteStorage> logger)
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
        await using var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT value, etag FROM bot_state WHERE key = $key;";
        var keyParameter = command.Parameters.Add("$key", SqliteType.Text);
        foreach (var key in keys.Distinct(StringComparer.Ordinal))
        {
            keyParameter.Value = key;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                // The column's UTF-8 text as it is on disk: no string and no DOM in between.
                result[key] = new StoreItem(reader.GetFieldValue<byte[]>(0), reader.GetString(1));
            }
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

        var started = Stopwatch.GetTimestamp();
        var updated = _timeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        foreach (var (key, item) in changes)
        {
            ArgumentNullException.ThrowIfNull(item);
            etags[key] = NewETag();
        }

        // Inside a turn the write is committed with the turn's other writes at its end (SqliteDatabase.RunTurnAsync),
        // and a conflict fails the turn there; outside a turn it is committed before this returns.
        await _database.WriteWithTurnAsync(
            async (connection, transaction, ct) =>
            {
                // The write transaction holds the file's write lock before the ETag is compared, so no other writer
                // can slip in between; a conflict undoes every key of this call.
                foreach (var (key, item) in changes)
                {
                    var written = await TryWriteAsync(connection, transaction, key, item, etags[key], updated, ct).ConfigureAwait(false);
                    if (!written)
                    {
                        LogConflict(_logger, changes.Count);
                        throw new StorageConcurrencyException(key);
                    }
                }
            },
            cancellationToken).ConfigureAwait(false);
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

        var deleted = await _database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "DELETE FROM bot_state WHERE key = $key;";
                var keyParameter = command.Parameters.Add("$key", SqliteType.Text);
                var count = 0;
                foreach (var key in keys)
                {
                    keyParameter.Value = key;
                    count += await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }

                return count;
            },
            cancellationToken).ConfigureAwait(false);
        LogDeleted(_logger, deleted);
    }

    public async Task<int> DeleteByPrefixAsync(string prefix, CancellationToken cancellationToken)
    {
        // An empty prefix would erase every conversation; erasure is always about one person or conversation.
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        var deleted = await _database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;

                // substr compares the prefix literally; LIKE would treat % and _ in conversation ids as wildcards.
                command.CommandText = "DELETE FROM bot_state WHERE substr(key, 1, length($prefix)) = $prefix;";
                command.Parameters.Add("$prefix", SqliteType.Text).Value = prefix;
                return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        LogDeleted(_logger, deleted);
        return deleted;
    }

    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM bot_state WHERE key = '';";
            await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception exception) when (exception is SqliteException or InvalidOperationException or IOException)
        {
            LogUnhealthy(_logger, exception.GetType().Name);
            return false;
        }
    }

    private static string NewETag() => Guid.NewGuid().ToString("N");

    private static async Task<bool> TryWriteAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        string key,
        StoreItem item,
        string etag,
        string updated,
        CancellationToken cancellationToken)
    {
        if (item.IsUnconditional)
        {
            await ExecuteAsync(connection, transaction, UpsertSql, key, item, etag, updated, cancellationToken).ConfigureAwait(false);
            return true;
        }

        // A matching ETag updates the row; a key that does not exist yet is created (IStorage's rule for new keys);
        // anything else means another writer got there first.
        return await ExecuteAsync(connection, transaction, UpdateIfMatchSql, key, item, etag, updated, cancellationToken).ConfigureAwait(false) == 1
            || await ExecuteAsync(connection, transaction, InsertIfAbsentSql, key, item, etag, updated, cancellationToken).ConfigureAwait(false) == 1;
    }

    private static async Task<int> ExecuteAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        string sql,
        string key,
        StoreItem item,
        string etag,
        string updated,
        CancellationToken cancellationToken)
    {
        var command = SqliteDatabase.ReusedCommand(connection, transaction, sql);
        command.Parameters.Add("$key", SqliteType.Text).Value = key;
        command.Parameters.Add("$value", SqliteType.Blob).Value = SqliteDatabase.Utf8Text(item.Json);
        command.Parameters.Add("$etag", SqliteType.Text).Value = etag;
        command.Parameters.Add("$updated", SqliteType.Text).Value = updated;
        if (sql == UpdateIfMatchSql)
        {
            command.Parameters.Add("$expected", SqliteType.Text).Value = item.ETag;
        }

        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 1110, Level = LogLevel.Debug, Message = "State read: {Requested} keys requested, {Found} found in {ElapsedMilliseconds:F2} ms")]
    private static partial void LogRead(ILogger logger, int requested, int found, double elapsedMilliseconds);

    [LoggerMessage(EventId = 1111, Level = LogLevel.Debug, Message = "State written (in a turn: queued for its commit): {Count} keys in {ElapsedMilliseconds:F2} ms")]
    private static partial void LogWritten(ILogger logger, int count, double elapsedMilliseconds);

    [LoggerMessage(EventId = 1112, Level = LogLevel.Information, Message = "State write of {Count} keys refused: ETag conflict")]
    private static partial void LogConflict(ILogger logger, int count);

    [LoggerMessage(EventId = 1113, Level = LogLevel.Debug, Message = "State deleted: {Count} keys")]
    private static partial void LogDeleted(ILogger logger, int count);

    [LoggerMessage(EventId = 1114, Level = LogLevel.Warning, Message = "SQLite storage is not reachable ({ErrorType})")]
    private static partial void LogUnhealthy(ILogger logger, string errorType);
}
