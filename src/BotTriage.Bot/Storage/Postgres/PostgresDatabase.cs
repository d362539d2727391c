using System.Diagnostics;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace BotTriage.Bot.Storage.Postgres;

/// <summary>
/// The PostgreSQL database shared by the state store, the transcript store and the cross-instance turn lock: one
/// pooled <see cref="NpgsqlDataSource"/>, the schema migrated once per process, and one translation of "the database
/// cannot be reached" into <see cref="StorageUnavailableException"/>.
/// </summary>
public sealed partial class PostgresDatabase : IAsyncDisposable, IDisposable
{
    // Every instance migrates under this session-level advisory lock, so two instances starting at once apply each
    // step once: the second waits, then finds the steps recorded.
    private const string MigrationLockKey = "bottriage.schema-migrations";

    // Statements prepared per connection when the connection string does not say: all of the store's fit.
    private const int DefaultMaxAutoPrepare = 64;

    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger<PostgresDatabase> _logger;
    private readonly SemaphoreSlim _migrateLock = new(1, 1);

    // The turn running on this async flow, if any: its connection and transaction carry every statement of the turn.
    private readonly AsyncLocal<PostgresTurn?> _turn = new();
    private volatile bool _migrated;

    public PostgresDatabase(string connectionString, ILogger<PostgresDatabase> logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(logger);
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException exception)
        {
            throw new ArgumentException($"Storage:ConnectionString is not a valid PostgreSQL connection string: {exception.Message}", nameof(connectionString), exception);
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw new ArgumentException("Storage:ConnectionString names no Host for PostgreSQL.", nameof(connectionString));
        }

        builder.ApplicationName ??= "bottriage";

        // The store's statements are few and fixed, so prepared once per connection they skip the server's parse and
        // plan on every turn. A connection string that sets Max Auto Prepare (0 behind a pooler that cannot keep
        // prepared statements) is followed.
        if (!SetsOption(connectionString, "maxautoprepare"))
        {
            builder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        }

        // A connection returned to the pool is not reset (DISCARD ALL's seven statements, sent with the next turn's
        // first): the store leaves no session state behind (no SET, temporary table or LISTEN; the turn's advisory
        // lock is transaction-level and the migration's is released explicitly).
        if (!SetsOption(connectionString, "noresetonclose"))
        {
            builder.NoResetOnClose = true;
        }

        Host = builder.Host;
        DatabaseName = builder.Database ?? builder.Username ?? "";
        _dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        _logger = logger;
    }

    /// <summary>The server this instance connects to (no credentials), for log entries and errors.</summary>
    public string Host { get; }

    /// <summary>The database name on <see cref="Host"/>.</summary>
    public string DatabaseName { get; }

    /// <summary>The schema version this build migrates to.</summary>
    public static int LatestVersion => PostgresMigration.All[^1].Version;

    /// <summary>
    /// Applies the schema steps not yet recorded, each in its own transaction, under a database-wide advisory lock.
    /// Idempotent; throws <see cref="StorageUnavailableException"/> naming the server when it cannot be reached.
    /// </summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (_migrated)
        {
            return;
        }

        await _migrateLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_migrated)
            {
                return;
            }

            var started = Stopwatch.GetTimestamp();
            var applied = await RunUnmigratedAsync(connection => MigrateAsync(connection, cancellationToken), cancellationToken).ConfigureAwait(false);
            _migrated = true;
            var elapsed = Stopwatch.GetElapsedTime(started);
            LogMigrated(_logger, applied, LatestVersion, elapsed.TotalMilliseconds);
        }
        finally
        {
            _migrateLock.Release();
        }
    }

    /// <summary>True when a round trip to the server succeeds and the schema is in place.</summary>
    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await MigrateAsync(cancellationToken).ConfigureAwait(false);
            return await RunAsync(
                async connection =>
                {
                    await using var command = new NpgsqlCommand("SELECT 1 FROM bot_state WHERE key = ''", connection);
                    await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                    return true;
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (StorageUnavailableException)
        {
            return false;
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> on a pooled connection, after the schema is migrated. Connection failures become
    /// <see cref="StorageUnavailableException"/> (logged with the server name, never with data) and empty the pool,
    /// so the connections that died with the server are not handed out again when it comes back.
    /// </summary>
    internal Task<T> RunAsync<T>(Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellationToken) =>
        RunAsync(work, sendDeferred: true, cancellationToken);

    /// <summary>The turn running on this async flow, if any.</summary>
    internal PostgresTurn? Turn => _turn.Value;

    /// <summary>
    /// Runs <paramref name="commands"/> in one round trip and reads their results. Inside a turn the turn's deferred
    /// writes go first in the same round trip; outside one the commands run in one implicit transaction.
    /// </summary>
    internal Task<T> RunBatchAsync<T>(IReadOnlyList<NpgsqlBatchCommand> commands, Func<NpgsqlDataReader, Task<T>> read, CancellationToken cancellationToken) =>
        RunAsync(
            async connection =>
            {
                await using var batch = CreateBatch(connection, commands);
                await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                return await read(reader).ConfigureAwait(false);
            },
            sendDeferred: false,
            cancellationToken);

    /// <summary>
    /// Writes whose results nobody reads: inside a turn they wait for the turn's next statement or its commit (a
    /// failure then fails the turn, which writes nothing); outside a turn they run now, in one implicit transaction.
    /// </summary>
    internal Task WriteAsync(IReadOnlyList<NpgsqlBatchCommand> commands, CancellationToken cancellationToken)
    {
        if (_turn.Value is { } turn)
        {
            turn.Deferred.AddRange(commands);
            return Task.CompletedTask;
        }

        return RunAsync(
            async connection =>
            {
                await using var batch = CreateBatch(connection, commands);
                return await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            sendDeferred: false,
            cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="work"/> all or nothing: in its own transaction, or inside the running turn's transaction.
    /// <paramref name="work"/> returns whether to keep what it did; false undoes it, which inside a turn needs a
    /// savepoint: pass <paramref name="mayUndo"/> false when <paramref name="work"/> always keeps (a failure fails the
    /// whole turn anyway) to save the savepoint's two round trips.
    /// </summary>
    internal Task<T> RunInTransactionAsync<T>(Func<NpgsqlConnection, Task<(T Result, bool Keep)>> work, CancellationToken cancellationToken, bool mayUndo = true) =>
        RunAsync(
            async connection =>
            {
                if (_turn.Value is not null && !mayUndo)
                {
                    return (await work(connection).ConfigureAwait(false)).Result;
                }

                if (_turn.Value is not null)
                {
                    await ExecuteAsync(connection, null, "SAVEPOINT bottriage_write", cancellationToken).ConfigureAwait(false);
                    var (nested, keepNested) = await work(connection).ConfigureAwait(false);
                    await ExecuteAsync(connection, null, keepNested ? "RELEASE SAVEPOINT bottriage_write" : "ROLLBACK TO SAVEPOINT bottriage_write", cancellationToken).ConfigureAwait(false);
                    return nested;
                }

                await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                var (result, keep) = await work(connection).ConfigureAwait(false);
                if (keep)
                {
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                }

                return result;
            },
            cancellationToken);

    /// <summary>
    /// Runs a whole turn on one connection and one transaction that first takes a transaction-level advisory lock on
    /// <paramref name="lockKey"/>: every store call of the turn joins the transaction, so the turn's state, volatile
    /// state and transcript are committed together or not at all, and the lock ends with the transaction. The round
    /// trip that takes the lock also reads the conversation's volatile row (sliding its expiry by
    /// <paramref name="volatileExpiration"/>, as a read of it does) and its durable state row, so the turn's first
    /// load costs nothing more; writes whose results nobody reads go with the turn's next statement or its commit.
    /// </summary>
    internal async Task RunTurnAsync(string lockKey, TimeSpan volatileExpiration, Func<CancellationToken, Task> turn, CancellationToken cancellationToken)
    {
        await MigrateAsync(cancellationToken).ConfigureAwait(false);
        NpgsqlConnection? connection = null;
        var ended = false;
        try
        {
            PostgresTurn running;
            try
            {
                connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                running = new PostgresTurn(lockKey, connection);
                await BeginTurnAsync(running, volatileExpiration, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (IsUnavailable(exception) && !cancellationToken.IsCancellationRequested)
            {
                throw Unavailable(exception);
            }

            _turn.Value = running;
            try
            {
                await turn(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _turn.Value = null;
            }

            try
            {
                // The turn's last writes and its commit in one round trip. A failing write aborts the transaction and
                // the server skips the rest of the batch, COMMIT included; it is rolled back below. When the
                // connection is lost during this round trip the commit may or may not have happened: the turn is
                // answered 503 either way, and the channel's retry finds the message applied (TriageBot compares it
                // with the state's LastMessageId) or not.
                running.Deferred.Add(new NpgsqlBatchCommand("COMMIT"));
                await SendDeferredAsync(running, cancellationToken).ConfigureAwait(false);
                ended = true;
            }
            catch (Exception exception) when (IsUnavailable(exception) && !cancellationToken.IsCancellationRequested)
            {
                throw Unavailable(exception);
            }
        }
        finally
        {
            if (connection is not null)
            {
                // An unfinished transaction is rolled back; on a broken connection the server already has.
                if (!ended)
                {
                    await RollBackQuietlyAsync(connection).ConfigureAwait(false);
                }

                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Turns a failure of a held connection into <see cref="StorageUnavailableException"/> when it is one.</summary>
    internal Exception Translate(Exception exception) => IsUnavailable(exception) ? Unavailable(exception) : exception;

    /// <summary>True for the failures that mean "the server is not there", as opposed to a bad statement.</summary>
    internal static bool IsUnavailable(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
            || postgres.SqlState is "57P01" or "57P02" or "57P03" or "53300" or "53400",
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is SocketException or IOException or TimeoutException,
        SocketException or IOException or TimeoutException => true,
        _ => false,
    };

    public async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync().ConfigureAwait(false);
        _migrateLock.Dispose();
    }

    public void Dispose()
    {
        _dataSource.Dispose();
        _migrateLock.Dispose();
    }

    private async Task<T> RunAsync<T>(Func<NpgsqlConnection, Task<T>> work, bool sendDeferred, CancellationToken cancellationToken)
    {
        if (_turn.Value is { } turn)
        {
            try
            {
                if (sendDeferred)
                {
                    await SendDeferredAsync(turn, cancellationToken).ConfigureAwait(false);
                }

                return await work(turn.Connection).ConfigureAwait(false);
            }
            catch (Exception exception) when (IsUnavailable(exception) && !cancellationToken.IsCancellationRequested)
            {
                throw Unavailable(exception);
            }
        }

        await MigrateAsync(cancellationToken).ConfigureAwait(false);
        return await RunUnmigratedAsync(work, cancellationToken).ConfigureAwait(false);
    }

    private NpgsqlBatch CreateBatch(NpgsqlConnection connection, IReadOnlyList<NpgsqlBatchCommand> commands)
    {
        var batch = new NpgsqlBatch(connection);
        if (_turn.Value is { } turn)
        {
            foreach (var deferred in turn.Deferred)
            {
                batch.BatchCommands.Add(deferred);
            }

            turn.Deferred.Clear();
        }

        foreach (var command in commands)
        {
            batch.BatchCommands.Add(command);
        }

        return batch;
    }

    private static async Task SendDeferredAsync(PostgresTurn turn, CancellationToken cancellationToken)
    {
        if (turn.Deferred.Count == 0)
        {
            return;
        }

        await using var batch = new NpgsqlBatch(turn.Connection);
        foreach (var deferred in turn.Deferred)
        {
            batch.BatchCommands.Add(deferred);
        }

        turn.Deferred.Clear();
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<T> RunUnmigratedAsync<T>(Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return await work(connection).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsUnavailable(exception) && !cancellationToken.IsCancellationRequested)
        {
            throw Unavailable(exception);
        }
    }

    private static bool SetsOption(string connectionString, string normalisedName)
    {
        var parsed = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        return parsed.Keys.Cast<string>().Any(k => string.Equals(k.Replace(" ", "", StringComparison.Ordinal), normalisedName, StringComparison.OrdinalIgnoreCase));
    }

    private async Task RollBackQuietlyAsync(NpgsqlConnection connection)
    {
        if (connection.FullState != System.Data.ConnectionState.Open)
        {
            return;
        }

        try
        {
            await using var rollback = new NpgsqlCommand("ROLLBACK", connection);
            await rollback.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsUnavailable(exception) || exception is NpgsqlException or InvalidOperationException)
        {
            LogRollbackFailed(_logger, exception.GetType().Name);
        }
    }

    private StorageUnavailableException Unavailable(Exception exception)
    {
        _dataSource.Clear();
        var reason = exception is PostgresException postgres ? postgres.SqlState : exception.GetType().Name;
        LogUnavailable(_logger, Host, DatabaseName, reason);
        return new StorageUnavailableException($"The PostgreSQL database '{DatabaseName}' on '{Host}' cannot be reached ({reason}).", exception);
    }

    private static async Task<int> MigrateAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, null, "SELECT pg_advisory_lock(hashtextextended(@key, 0))", cancellationToken, MigrationLockKey).ConfigureAwait(false);
        try
        {
            await ExecuteAsync(
                connection,
                null,
                "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, description text NOT NULL, applied timestamptz NOT NULL DEFAULT now())",
                cancellationToken).ConfigureAwait(false);

            var recorded = new HashSet<int>();
            await using (var select = new NpgsqlCommand("SELECT version FROM schema_migrations", connection))
            await using (var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    recorded.Add(reader.GetInt32(0));
                }
            }

            if (recorded.Count > 0 && recorded.Max() > LatestVersion)
            {
                throw new InvalidOperationException(
                    $"The PostgreSQL schema is at version {recorded.Max()}, newer than this build knows ({LatestVersion}); run a newer build.");
            }

            var applied = 0;
            foreach (var migration in PostgresMigration.All.Where(m => !recorded.Contains(m.Version)))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken).ConfigureAwait(false);
                await using (var record = new NpgsqlCommand("INSERT INTO schema_migrations (version, description) VALUES (@version, @description)", connection, transaction))
                {
                    record.Parameters.AddWithValue("version", migration.Version);
                    record.Parameters.AddWithValue("description", migration.Description);
                    await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                applied++;
            }

            return applied;
        }
        finally
        {
            if (connection.State == System.Data.ConnectionState.Open)
            {
                await ExecuteAsync(connection, null, "SELECT pg_advisory_unlock(hashtextextended(@key, 0))", CancellationToken.None, MigrationLockKey).ConfigureAwait(false);
            }
        }
    }

    // The transaction, the lock, then the conversation's volatile row (PostgresVolatileConversationStore.GetStateAsync's
    // statement) and its durable row, row-locked until the turn ends (see PostgresStorage.ReadForTurnCommand), in one
    // round trip. The transaction is begun and committed in SQL, not with NpgsqlTransaction, so that the commit can go
    // in one round trip with the turn's last writes.
    private static async Task BeginTurnAsync(PostgresTurn turn, TimeSpan volatileExpiration, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(turn.Connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("BEGIN"),
                new NpgsqlBatchCommand("SELECT pg_advisory_xact_lock(hashtextextended(@key, 0))") { Parameters = { new NpgsqlParameter<string>("key", turn.Key) } },
                PostgresVolatileConversationStore.GetStateCommand(turn.Key, volatileExpiration),
                PostgresStorage.ReadForTurnCommand(turn.Key),
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        turn.Volatile = await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new PostgresTurn.VolatileRow(Exists: true, reader.IsDBNull(0) ? null : reader.GetString(0))
            : new PostgresTurn.VolatileRow(Exists: false, null);
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        turn.Durable = await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new PostgresTurn.DurableRow(reader.GetString(0), reader.GetString(1))
            : new PostgresTurn.DurableRow(null, null);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken, string? key = null)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        if (key is not null)
        {
            command.Parameters.AddWithValue("key", key);
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 1150, Level = LogLevel.Information, Message = "PostgreSQL storage ready: {Applied} schema steps applied, schema at version {Version}, in {ElapsedMilliseconds:F1} ms")]
    private static partial void LogMigrated(ILogger logger, int applied, int version, double elapsedMilliseconds);

    [LoggerMessage(EventId = 1152, Level = LogLevel.Warning, Message = "Rolling back a failed turn's transaction failed ({ErrorType}); the server ends it with the connection")]
    private static partial void LogRollbackFailed(ILogger logger, string errorType);

    [LoggerMessage(EventId = 1151, Level = LogLevel.Error, Message = "PostgreSQL database {Database} on {Host} cannot be reached ({Reason})")]
    private static partial void LogUnavailable(ILogger logger, string host, string database, string reason);
}
