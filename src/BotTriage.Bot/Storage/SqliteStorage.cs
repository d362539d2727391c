using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;

namespace BotTriage.Bot.Storage;

/// <summary>
/// <see cref="IStorage"/> on a SQLite file: one row per key with its JSON, ETag and update time. ETag checks
/// happen inside the write transaction, so two writers holding the same ETag cannot both succeed.
/// </summary>
/// <remarks>
/// What this process committed last under a key is also kept in memory for a while (sliding
/// <see cref="RecentExpiration"/>, at most <see cref="RecentSizeLimit"/> bytes of JSON) and read from there, so a
/// conversation's next turn does not go back to the file for the state its last turn wrote. One process owns the
/// file (SQLite is the single-instance store): a write of another process on the same file is not seen by a read
/// here until the entry expires, but it is never overwritten, because the write here then fails its ETag check and
/// drops the entry.
/// </remarks>
public sealed partial class SqliteStorage : IStorage, IDisposable
{
    /// <summary>How long a key's last committed value stays in memory after it was last read or written.</summary>
    public static readonly TimeSpan RecentExpiration = TimeSpan.FromMinutes(5);

    /// <summary>The most bytes of JSON kept in memory; beyond it the least recently used entries go.</summary>
    public const long RecentSizeLimit = 64L * 1024 * 1024;

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

    private readonly MemoryCache _recent = new(new MemoryCacheOptions { SizeLimit = RecentSizeLimit, CompactionPercentage = 0.25 });
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

        // Inside a turn whose writes wait for its commit, the file is the truth (the read commits them first).
        List<string>? fromFile = null;
        var fromMemory = !_database.TurnHasWaitingWrites;
        foreach (var key in keys)
        {
            if (fromMemory && _recent.TryGetValue(key, out StoreItem? recent))
            {
                result[key] = recent!;
            }
            else if (!result.ContainsKey(key))
            {
                (fromFile ??= []).Add(key);
            }
        }

        if (fromFile is null)
        {
            return result;
        }

        var started = Stopwatch.GetTimestamp();
        await using var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT value, etag FROM bot_state WHERE key = $key;";
        var keyParameter = command.Parameters.Add("$key", SqliteType.Text);
        foreach (var key in fromFile.Distinct(StringComparer.Ordinal))
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
                        // Someone else wrote the key: what this process remembers of it is out of date.
                        _recent.Remove(key);
                        LogConflict(_logger, changes.Count);
                        throw new StorageConcurrencyException(key);
                    }
                }
            },
            () =>
            {
                foreach (var (key, item) in changes)
                {
                    Remember(key, new StoreItem(item.Json, etags[key]));
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

        // Forgotten now and again right after the delete's commit, in commit order: a write committed while the delete
        // waited for the writer may have put a key back in memory, and the file no longer has it.
        Forget(keys);
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
            () => Forget(keys),
            cancellationToken).ConfigureAwait(false);
        LogDeleted(_logger, deleted);
    }

    public async Task<int> DeleteByPrefixAsync(string prefix, CancellationToken cancellationToken)
    {
        // An empty prefix would erase every conversation; erasure is always about one person or conversation.
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        ForgetPrefix(prefix);
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
            () => ForgetPrefix(prefix),
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

    public void Dispose() => _recent.Dispose();

    private static string NewETag() => Guid.NewGuid().ToString("N");

    // Runs on the writer, right after the commit and in commit order.
    private void Remember(string key, StoreItem item)
    {
        using var entry = _recent.CreateEntry(key);
        entry.Value = item;
        entry.Size = item.Json.Length + (key.Length * sizeof(char));
        entry.SlidingExpiration = RecentExpiration;
    }

    private void Forget(IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            _recent.Remove(key);
        }
    }

    private void ForgetPrefix(string prefix)
    {
        foreach (var key in _recent.Keys)
        {
            if (key is string text && text.StartsWith(prefix, StringComparison.Ordinal))
            {
                _recent.Remove(key);
            }
        }
    }

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
