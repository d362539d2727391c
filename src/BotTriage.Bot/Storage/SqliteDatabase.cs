using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using SQLitePCL;

namespace BotTriage.Bot.Storage;

/// <summary>
/// One SQLite database file shared by <see cref="SqliteStorage"/> and the SQLite transcript store:
/// opens pooled connections with the same settings and creates the schema once.
/// </summary>
public sealed partial class SqliteDatabase : IDisposable
{
    /// <summary>The database file name used inside <see cref="StorageOptions.DataDirectory"/>.</summary>
    public const string DefaultFileName = "bottriage.db";

    // Every connection waits this long for another writer instead of failing with SQLITE_BUSY.
    private const int BusyTimeoutMilliseconds = 5000;

    // WAL lets readers run beside the one writer. synchronous=NORMAL is SQLite's recommended pairing with WAL:
    // a committed transaction survives a crash of this process (the turn's awaited write is on disk in the WAL);
    // only an operating-system crash or power loss can lose the last commits, never corrupt the file.
    private const string ConnectionPragmas = "PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";

    // The transcripts summary's columns, for the schema and for version 3's rebuild of older files.
    private const string TranscriptsColumns = """
        id INTEGER PRIMARY KEY,
        channel_id TEXT NOT NULL,
        conversation_id TEXT NOT NULL,
        created TEXT NOT NULL,
        last_activity TEXT NOT NULL,
        activity_count INTEGER NOT NULL,
        UNIQUE (channel_id, conversation_id)
        """;

    // bot_state is a rowid table: a state is about 3 KB, and a WITHOUT ROWID table (what files before version 2 have)
    // keeps only about a quarter of a page of a row in its leaf, so every state write also rewrote overflow pages.
    //
    // transcripts has no index on last_activity: every turn changes it, and moving the index entry cost half the
    // summary's write. Only the transcript list (no page of the app uses it) and retention (rare) order or filter by
    // it, and scan. Files that have the index lose it.
    //
    // transcript_activities.transcript is the summary's id (version 3). It may be NULL only because version 2 files
    // gain it with ALTER TABLE; the migration fills it and the store always sets it. Its index is made by the
    // migration, which every file passes once, fresh ones included.
    private const string Schema = $$"""
        CREATE TABLE IF NOT EXISTS bot_state (
            key TEXT NOT NULL PRIMARY KEY,
            value TEXT NOT NULL,
            etag TEXT NOT NULL,
            updated TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS transcripts ({{TranscriptsColumns}});
        DROP INDEX IF EXISTS ix_transcripts_last_activity;
        CREATE TABLE IF NOT EXISTS transcript_activities (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            channel_id TEXT NOT NULL,
            conversation_id TEXT NOT NULL,
            activity_id TEXT NULL,
            stored TEXT NOT NULL,
            activity TEXT NOT NULL,
            transcript INTEGER NULL
        );
        """;

    // The file's schema version (PRAGMA user_version).
    private const int SchemaVersion = 3;

    // Version 2: bot_state rebuilt as a rowid table, keys, values, ETags and times as they were.
    private const string RebuildStateTable = """
        CREATE TABLE bot_state_v2 (
            key TEXT NOT NULL PRIMARY KEY,
            value TEXT NOT NULL,
            etag TEXT NOT NULL,
            updated TEXT NOT NULL
        );
        INSERT INTO bot_state_v2 (key, value, etag, updated) SELECT key, value, etag, updated FROM bot_state;
        DROP TABLE bot_state;
        ALTER TABLE bot_state_v2 RENAME TO bot_state;
        """;

    // Version 3: a transcript's rows found by its summary's id, not by its channel and conversation ids. Every turn
    // adds an entry to this index. Conversation ids are scattered, so each turn's entry landed on an index page of
    // its own; the small integer ids of the conversations under way, started one after another, share a few pages at
    // the index's end (bench/SqliteStatements/turns.py: 13-15 µs less per turn, about a third of SQLite's work for
    // it). The summary gets an explicit id, which VACUUM keeps, and old rows are linked to it; rows without a
    // summary, which the store never writes, get one rather than be lost.
    private const string RebuildTranscriptsTable = $$"""
        CREATE TABLE transcripts_v3 ({{TranscriptsColumns}});
        INSERT INTO transcripts_v3 (id, channel_id, conversation_id, created, last_activity, activity_count)
            SELECT rowid, channel_id, conversation_id, created, last_activity, activity_count FROM transcripts;
        DROP TABLE transcripts;
        ALTER TABLE transcripts_v3 RENAME TO transcripts;
        """;

    private const string LinkTranscriptActivities = """
        ALTER TABLE transcript_activities ADD COLUMN transcript INTEGER NULL;
        INSERT INTO transcripts (channel_id, conversation_id, created, last_activity, activity_count)
            SELECT a.channel_id, a.conversation_id, min(a.stored), max(a.stored),
                sum(CASE WHEN json_type(a.activity) = 'array' THEN json_array_length(a.activity) ELSE 1 END)
            FROM transcript_activities a
            WHERE NOT EXISTS (SELECT 1 FROM transcripts t WHERE t.channel_id = a.channel_id AND t.conversation_id = a.conversation_id)
            GROUP BY a.channel_id, a.conversation_id;
        UPDATE transcript_activities SET transcript = (SELECT t.id FROM transcripts t
            WHERE t.channel_id = transcript_activities.channel_id AND t.conversation_id = transcript_activities.conversation_id);
        """;

    private const string TranscriptActivitiesIndex = """
        DROP INDEX IF EXISTS ix_transcript_activities_conversation;
        CREATE INDEX IF NOT EXISTS ix_transcript_activities_transcript ON transcript_activities (transcript, seq);
        """;

    private readonly string _connectionString;
    private readonly ILogger<SqliteDatabase> _logger;
    private readonly SemaphoreSlim _initializeLock = new(1, 1);

    // At most this many writes share one transaction, so a long queue still commits in steps.
    private const int MaxWritesPerTransaction = 256;
    private const string SavepointName = "bottriage_write";

    // The writer's statements, prepared once per writer connection (which lives as long as this instance): preparing
    // costs more than running these small statements. Closing a connection finalizes its commands' statements.
    private static readonly ConditionalWeakTable<SqliteConnection, Dictionary<string, SqliteCommand>> WriterStatements = new();

    // SQLite has one writer per file. Writes of this process queue here, in order, for the one writer connection,
    // instead of meeting SQLite's busy handler, which sleeps and retries and, under load, spends most of a turn asleep.
    //
    // The writer has a thread of its own: its SQLite calls block (a commit writes the WAL), and a writer that waited
    // for a turn of the thread pool would sit in the pool's queue behind the very turns that wait for its commit.
    private readonly BatchQueue<WriteRequest> _writes = new();
    private volatile Thread? _writer;

    // The WAL is copied back into the file (a checkpoint, which ends in an fsync of the file) on a connection of its
    // own, beside the writer, once about this many writes have been committed since the last one: SQLite's automatic
    // checkpoint would run inside a commit, on the writer, and every turn queued behind that commit would wait for it
    // (bench/README.md, 2026-12-04: with no checkpoints at all, a diagnostic, p99 at 3,000 turns/s was 8-9.5 ms
    // against 17.6 ms with SQLite's). 256 turns are about SQLite's default of 1,000 WAL pages. A PASSIVE checkpoint
    // takes no lock the writer needs.
    internal const int WritesPerCheckpoint = 256;

    // Under steady writes the checkpointer never catches up with the writer, and SQLite only starts the WAL over when
    // a write begins with every frame copied back: the WAL would grow by every turn for as long as the load lasts.
    // So once the checkpointer finds the WAL over this size, the writer copies the rest itself before its next batch,
    // its next commit starts the WAL over, and SQLite cuts the file back to the same size (journal_size_limit). That
    // copy ends in two fsyncs, and every turn waits for it: 8-23 ms on this project's test machine, which under the
    // load test (about 17 KB of WAL per turn) came twice a second with 64 MB and showed in p99; with 256 MB it comes
    // four times less often (bench/README.md, 2026-12-05, 11:00).
    internal const long DefaultWalRestartBytes = 256L * 1024 * 1024;
    private const string WriterPragmas = ConnectionPragmas + " PRAGMA wal_autocheckpoint = 0;";
    private volatile bool _walRestartWanted;
    private int _walRestarts;
    private readonly Channel<bool> _checkpointWanted = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private Thread? _checkpointer;
    private int _writesSinceCheckpoint;
    private int _checkpoints;

    // The turn running on this async flow (see RunTurnAsync), whose writes wait to be committed together at its end.
    private readonly AsyncLocal<SqliteTurn?> _turn = new();
    private bool _writerStopped;
    private volatile bool _initialized;

    // The native connections of the pool that already carry ConnectionPragmas; an entry goes with its connection.
    private static readonly object Configured = new();
    private readonly ConditionalWeakTable<sqlite3, object> _configured = new();

    public SqliteDatabase(string connectionString, ILogger<SqliteDatabase> logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(logger);
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode == SqliteOpenMode.ReadOnly)
        {
            throw new ArgumentException("The bot's SQLite store must be writable; remove Mode=ReadOnly.", nameof(connectionString));
        }

        // Pooling keeps the per-operation open cheap; the pool is what makes this class safe to share across threads.
        builder.Pooling = true;
        builder.DefaultTimeout = Math.Max(builder.DefaultTimeout, BusyTimeoutMilliseconds / 1000);
        _connectionString = builder.ToString();
        DataSource = builder.DataSource;
        _logger = logger;
    }

    /// <summary>The database file (or special name) this instance opens.</summary>
    public string DataSource { get; }

    /// <summary>How many checkpoints the checkpointer has run.</summary>
    internal int Checkpoints => Volatile.Read(ref _checkpoints);

    /// <summary>How many times the writer copied the rest of the WAL so that the next commit starts it over.</summary>
    internal int WalRestarts => Volatile.Read(ref _walRestarts);

    /// <summary>The WAL size, in bytes, above which the writer makes the WAL start over (tests make it small).</summary>
    internal long WalRestartBytes { get; init; } = DefaultWalRestartBytes;

    /// <summary>Builds the connection string from <see cref="StorageOptions"/>: the explicit one, else a file in the data folder.</summary>
    public static string GetConnectionString(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return options.ConnectionString;
        }

        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(options.DataDirectory, DefaultFileName),
            Mode = SqliteOpenMode.ReadWriteCreate,
        }.ToString();
    }

    /// <summary>
    /// Creates the folder, switches the file to WAL and creates the schema. Idempotent; throws
    /// <see cref="InvalidOperationException"/> naming the file when it cannot be opened or written.
    /// </summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (_initialized)
        {
            return;
        }

        await _initializeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_initialized)
            {
                return;
            }

            var started = Stopwatch.GetTimestamp();
            try
            {
                EnsureDirectory();
                await using var connection = new SqliteConnection(_connectionString);
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                await using (var command = connection.CreateCommand())
                {
                    command.CommandText = "PRAGMA journal_mode = WAL;";
                    await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                }

                await using (var command = connection.CreateCommand())
                {
                    command.CommandText = ConnectionPragmas + Schema;
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await MigrateAsync(connection, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is SqliteException or IOException or UnauthorizedAccessException)
            {
                LogInitializationFailed(_logger, exception.GetType().Name);
                throw new InvalidOperationException(
                    $"The SQLite database '{DataSource}' cannot be opened for writing ({exception.Message}). "
                    + "Check Storage:DataDirectory or Storage:ConnectionString.",
                    exception);
            }

            _initialized = true;
            var elapsed = Stopwatch.GetElapsedTime(started);
            LogInitialized(_logger, elapsed.TotalMilliseconds);
        }
        finally
        {
            _initializeLock.Release();
        }
    }

    // Brings a file made by an earlier version up to this one, in one write transaction (the check inside it, so a
    // second process starting at the same time finds the work done).
    private static async Task MigrateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using (var version = connection.CreateCommand())
        {
            // A file already at this version needs nothing, not even a write transaction.
            version.CommandText = "PRAGMA user_version;";
            if (Convert.ToInt64(await version.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) >= SchemaVersion)
            {
                return;
            }
        }

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        if (await IsAsync(command, "SELECT sql LIKE '%WITHOUT ROWID%' FROM sqlite_master WHERE type = 'table' AND name = 'bot_state';", cancellationToken).ConfigureAwait(false))
        {
            await RunAsync(command, RebuildStateTable, cancellationToken).ConfigureAwait(false);
        }

        if (!await IsAsync(command, "SELECT count(*) FROM pragma_table_info('transcripts') WHERE name = 'id';", cancellationToken).ConfigureAwait(false))
        {
            await RunAsync(command, RebuildTranscriptsTable, cancellationToken).ConfigureAwait(false);
        }

        if (!await IsAsync(command, "SELECT count(*) FROM pragma_table_info('transcript_activities') WHERE name = 'transcript';", cancellationToken).ConfigureAwait(false))
        {
            await RunAsync(command, LinkTranscriptActivities, cancellationToken).ConfigureAwait(false);
        }

        await RunAsync(command, TranscriptActivitiesIndex, cancellationToken).ConfigureAwait(false);
        command.CommandText = $"PRAGMA user_version = {SchemaVersion};";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<bool> IsAsync(SqliteCommand command, string sql, CancellationToken cancellationToken)
    {
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private static async Task RunAsync(SqliteCommand command, string sql, CancellationToken cancellationToken)
    {
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Whether the running turn has writes that wait for its commit: a read then has to come from the file (which
    /// <see cref="OpenConnectionAsync"/> commits them into first), not from what was committed before.
    /// </summary>
    internal bool TurnHasWaitingWrites => _turn.Value is { Waiting.Count: > 0 };

    /// <summary>
    /// Opens a pooled connection with the busy timeout set, initialising the database on first use. Inside a turn
    /// (<see cref="RunTurnAsync"/>) the turn's waiting writes are committed first, so a read sees them.
    /// </summary>
    internal async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        if (_turn.Value is { Waiting.Count: > 0 })
        {
            await WriteAsync(static (_, _, _) => Task.FromResult(0), cancellationToken).ConfigureAwait(false);
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

            // The pool hands out the same native connection again and again; its settings stay with it, so they are
            // applied once, when the native connection is new.
            var handle = connection.Handle!;
            if (!_configured.TryGetValue(handle, out _))
            {
                await using var command = connection.CreateCommand();
                command.CommandText = ConnectionPragmas;
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                _configured.AddOrUpdate(handle, Configured);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> on this process's one writer connection inside a write transaction, all or nothing:
    /// when it throws, what it did is undone and the exception is the task's. The task completes once the transaction
    /// that holds the work is committed (in the WAL, synchronous=NORMAL). Writes that arrive while another commit is
    /// under way are committed together in the next transaction, so under load one commit serves many turns, and a
    /// write that fails undoes only its own work. Other processes on the same file still meet the busy timeout.
    /// </summary>
    /// <remarks>
    /// Inside a turn (<see cref="RunTurnAsync"/>) the turn's waiting writes go first, in the same all-or-nothing
    /// work, so the order of the turn's writes holds; when that work fails, the turn fails and keeps nothing more.
    /// </remarks>
    internal Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        WriteAsync(work, null, cancellationToken);

    /// <inheritdoc cref="WriteAsync{T}(Func{SqliteConnection, SqliteTransaction, CancellationToken, Task{T}}, CancellationToken)"/>
    /// <remarks>
    /// Inside a turn the turn's waiting writes go first, as in the overload without <paramref name="committed"/>.
    /// <paramref name="committed"/>, when given, runs on the writer once the work is committed, before any later commit,
    /// and never when it is not.
    /// </remarks>
    internal Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, CancellationToken, Task<T>> work, Action? committed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        cancellationToken.ThrowIfCancellationRequested();
        if (_turn.Value is { } turn)
        {
            turn.ThrowIfFailed();
            if (turn.TakeWaiting() is { Length: > 0 } waiting)
            {
                if (committed is not null)
                {
                    turn.Committed.Add(committed);
                }

                return turn.Watch(Enqueue(
                    async (connection, transaction, ct) =>
                    {
                        await RunAllAsync(waiting, connection, transaction, ct).ConfigureAwait(false);
                        return await work(connection, transaction, ct).ConfigureAwait(false);
                    },
                    turn.TakeCommitted(),
                    cancellationToken));
            }
        }

        return Enqueue(work, committed is null ? null : [committed], cancellationToken);
    }

    /// <summary>
    /// A write whose caller needs no result from the database: inside a turn it waits, in order, to be committed with
    /// the turn's other writes at the turn's end (or just before the turn's next read or <see cref="WriteAsync{T}(Func{SqliteConnection, SqliteTransaction, CancellationToken, Task{T}}, CancellationToken)"/>),
    /// and the returned task is already complete, so a failure of it fails the turn instead; outside a turn it is
    /// <see cref="WriteAsync{T}(Func{SqliteConnection, SqliteTransaction, CancellationToken, Task{T}}, CancellationToken)"/>. <paramref name="committed"/>, when given, runs on the writer once the write is
    /// committed, before any later commit, and never when the write is not.
    /// </summary>
    internal Task WriteWithTurnAsync(Func<SqliteConnection, SqliteTransaction, CancellationToken, Task> work, Action? committed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        cancellationToken.ThrowIfCancellationRequested();
        if (_turn.Value is { } turn)
        {
            turn.ThrowIfFailed();
            turn.Waiting.Add(work);
            if (committed is not null)
            {
                turn.Committed.Add(committed);
            }

            return Task.CompletedTask;
        }

        return Enqueue(
            async (connection, transaction, ct) =>
            {
                await work(connection, transaction, ct).ConfigureAwait(false);
                return 0;
            },
            committed is null ? null : [committed],
            cancellationToken);
    }

    /// <inheritdoc cref="WriteWithTurnAsync(Func{SqliteConnection, SqliteTransaction, CancellationToken, Task}, Action?, CancellationToken)"/>
    internal Task WriteWithTurnAsync(Func<SqliteConnection, SqliteTransaction, CancellationToken, Task> work, CancellationToken cancellationToken) =>
        WriteWithTurnAsync(work, null, cancellationToken);

    /// <summary>
    /// Runs a turn whose writes made through <see cref="WriteWithTurnAsync(Func{SqliteConnection, SqliteTransaction, CancellationToken, Task}, CancellationToken)"/> are committed together when it ends, as
    /// one write of the queue: the turn's state, session and transcript are stored all together or not at all, and a
    /// turn costs the writer one piece of work instead of one per store. (A read, or a write that needs its result,
    /// such as a delete, commits what waits before it; the bot's turns do those only before they save, or to erase.)
    /// When <paramref name="turn"/> throws, its waiting writes are dropped. One process owns the file (SQLite is the
    /// single-instance store), and the in-process turn lock runs the turns of one conversation one at a time, so
    /// nothing else writes a conversation while its turn runs; an ETag conflict with another process on the same file
    /// fails the turn at its end.
    /// </summary>
    internal async Task RunTurnAsync(Func<CancellationToken, Task> turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var running = new SqliteTurn();
        _turn.Value = running;
        try
        {
            await turn(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _turn.Value = null;
        }

        running.ThrowIfFailed();
        if (running.TakeWaiting() is { Length: > 0 } waiting)
        {
            await Enqueue(
                async (connection, transaction, ct) =>
                {
                    await RunAllAsync(waiting, connection, transaction, ct).ConfigureAwait(false);
                    return waiting.Length;
                },
                running.TakeCommitted(),
                cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task RunAllAsync(Func<SqliteConnection, SqliteTransaction, CancellationToken, Task>[] writes, SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        foreach (var write in writes)
        {
            await write(connection, transaction, cancellationToken).ConfigureAwait(false);
        }
    }

    private Task<T> Enqueue<T>(Func<SqliteConnection, SqliteTransaction, CancellationToken, Task<T>> work, Action[]? committed, CancellationToken cancellationToken)
    {
        var request = new WriteRequest<T>(work, committed, cancellationToken);
        ObjectDisposedException.ThrowIf(!_writes.TryAdd(request), this);

        EnsureWriterStarted();
        return request.Task;
    }

    /// <summary>Closes the writer and the pooled connections so the file is released (a restart in tests, shutdown in the host).</summary>
    public void Dispose()
    {
        _writes.Complete();
        Thread? writer;
        Thread? checkpointer;
        lock (_writes)
        {
            writer = _writer;
            checkpointer = _checkpointer;
            _writerStopped = true;
        }

        writer?.Join();
        _checkpointWanted.Writer.TryComplete();
        checkpointer?.Join();

        // A write queued just as the writer was stopped, before it ever started, would otherwise wait forever.
        while (_writes.TryTake(out var request))
        {
            request.Fail(new ObjectDisposedException(nameof(SqliteDatabase)));
        }

        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        _initializeLock.Dispose();
    }

    private void EnsureWriterStarted()
    {
        if (_writer is not null)
        {
            return;
        }

        lock (_writes)
        {
            if (_writer is null && !_writerStopped)
            {
                // UnsafeStart: the threads serve every caller, so they take none's execution context (a turn's included).
                _checkpointer = new Thread(RunCheckpointer) { IsBackground = true, Name = "SQLite checkpointer" };
                _checkpointer.UnsafeStart();
                _writer = new Thread(RunWriter) { IsBackground = true, Name = "SQLite writer" };
                _writer.UnsafeStart();
            }
        }
    }

    // The writer loop: takes every write waiting, runs them in one transaction, commits, then completes their tasks.
    // Microsoft.Data.Sqlite's asynchronous methods complete synchronously; on this thread of its own, waiting for them
    // blocks nobody else, and the loop never moves to the thread pool.
    private void RunWriter()
    {
        var batch = new List<WriteRequest>(MaxWritesPerTransaction);
        var done = new List<WriteRequest>(MaxWritesPerTransaction);
        SqliteConnection? connection = null;
        try
        {
            while (_writes.TakeBatch(batch, MaxWritesPerTransaction))
            {
                batch.RemoveAll(request => request.TryCancel());
                if (batch.Count == 0)
                {
                    continue;
                }

                try
                {
                    connection ??= OpenWriterAsync().GetAwaiter().GetResult();
                    if (_walRestartWanted)
                    {
                        _walRestartWanted = false;
                        CopyRestOfWal(connection);
                    }

                    CommitBatchAsync(connection, batch, done).GetAwaiter().GetResult();

                    // In commit order, before the next batch: what a committed write tells others (the state cache)
                    // is never overtaken by an older commit.
                    foreach (var request in done)
                    {
                        request.RunCommitted();
                    }

                    foreach (var request in done)
                    {
                        request.Complete();
                    }

                    _writesSinceCheckpoint += done.Count;
                    if (_writesSinceCheckpoint >= WritesPerCheckpoint)
                    {
                        _writesSinceCheckpoint = 0;
                        _checkpointWanted.Writer.TryWrite(true);
                    }
                }
                catch (Exception exception)
                {
                    // The transaction as a whole failed (begin, an undo, or the commit): nothing of it is stored. The
                    // connection starts afresh for the next batch.
                    foreach (var request in done)
                    {
                        request.Fail(exception);
                    }

                    foreach (var request in batch)
                    {
                        request.Fail(exception);
                    }

                    if (connection is not null)
                    {
                        connection.Dispose();
                        connection = null;
                    }
                }

                batch.Clear();
                done.Clear();
            }
        }
        finally
        {
            while (_writes.TryTake(out var request))
            {
                request.Fail(new ObjectDisposedException(nameof(SqliteDatabase)));
            }

            if (connection is not null)
            {
                connection.Dispose();
            }
        }
    }

    // The checkpointer loop: copies the committed WAL back into the file when the writer asks, on its own connection.
    // PASSIVE copies what no reader still needs and waits for nobody; what is left goes with the next one. A failure is
    // logged and the next request tries again: the WAL keeps every commit meanwhile, only growing.
    private void RunCheckpointer()
    {
        SqliteConnection? connection = null;
        long pageSize = 0;
        try
        {
            while (_checkpointWanted.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                _checkpointWanted.Reader.TryRead(out _);
                try
                {
                    if (connection is null)
                    {
                        // The file's page size is fixed once it exists: read once per connection.
                        connection = OpenOwnConnectionAsync(ConnectionPragmas).GetAwaiter().GetResult();
                        using var pageSizeCommand = connection.CreateCommand();
                        pageSizeCommand.CommandText = "PRAGMA page_size;";
                        pageSize = Convert.ToInt64(pageSizeCommand.ExecuteScalar(), CultureInfo.InvariantCulture);
                    }

                    using var command = connection.CreateCommand();
                    command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
                    if (Checkpoint(command).Frames * pageSize >= WalRestartBytes)
                    {
                        // Once more first: this copies only what was committed during the pass just made, so the
                        // writer, which waits while it copies the rest, finds little left.
                        Checkpoint(command);
                        _walRestartWanted = true;
                    }

                    Interlocked.Increment(ref _checkpoints);
                }
                catch (Exception exception) when (exception is SqliteException or IOException or InvalidOperationException)
                {
                    LogCheckpointFailed(_logger, exception.GetType().Name);
                    if (connection is not null)
                    {
                        connection.Dispose();
                        connection = null;
                    }
                }
            }
        }
        finally
        {
            if (connection is not null)
            {
                connection.Dispose();
            }
        }
    }

    // The writer's part of starting the WAL over: with no write under way, a PASSIVE checkpoint on its own connection
    // copies what the checkpointer could not yet; when nothing is left (no reader still needs an older frame) the next
    // transaction writes the WAL from its start. A failure only means the WAL goes on growing until the next try.
    private void CopyRestOfWal(SqliteConnection connection)
    {
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            var (frames, copied) = Checkpoint(command);
            if (frames == copied)
            {
                Interlocked.Increment(ref _walRestarts);
            }
        }
        catch (SqliteException exception)
        {
            LogCheckpointFailed(_logger, exception.GetType().Name);
        }
    }

    // Runs a wal_checkpoint pragma and reads its row (busy, frames in the WAL, frames copied back).
    private static (long Frames, long Copied) Checkpoint(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetInt64(1), reader.GetInt64(2)) : (0, 0);
    }

    // Runs the batch in one transaction. A request whose work succeeds goes to done, to be completed by the caller
    // after the commit; one whose work throws is failed at once, and nothing of it is kept. The batch first runs
    // without savepoints, two statements fewer per write; only when a write throws is the transaction rolled back
    // and the others run again, each behind a savepoint, so that a later failure too undoes only its own write. The
    // failed write is not run again: after the same writes before it, it would fail the same way.
    private static async Task CommitBatchAsync(SqliteConnection connection, List<WriteRequest> batch, List<WriteRequest> done)
    {
        WriteRequest? failed = null;

        // BEGIN IMMEDIATE: the file's write lock is held from the start, so a read-then-write (an ETag check) inside
        // the work sees no other writer slip in between.
        await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync().ConfigureAwait(false))
        {
            foreach (var request in batch)
            {
                try
                {
                    await request.RunAsync(connection, transaction).ConfigureAwait(false);
                }
                catch (Exception exception)
                {
                    await transaction.RollbackAsync().ConfigureAwait(false);
                    request.Fail(exception);
                    failed = request;
                    break;
                }
            }

            if (failed is null)
            {
                await transaction.CommitAsync().ConfigureAwait(false);
                done.AddRange(batch);
                return;
            }
        }

        if (batch.Count == 1)
        {
            return;
        }

        await using var again = (SqliteTransaction)await connection.BeginTransactionAsync().ConfigureAwait(false);
        foreach (var request in batch)
        {
            if (request == failed)
            {
                continue;
            }

            await ReusedCommand(connection, again, "SAVEPOINT " + SavepointName + ";").ExecuteNonQueryAsync().ConfigureAwait(false);
            try
            {
                await request.RunAsync(connection, again).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                await ReusedCommand(connection, again, "ROLLBACK TO SAVEPOINT " + SavepointName + "; RELEASE SAVEPOINT " + SavepointName + ";").ExecuteNonQueryAsync().ConfigureAwait(false);
                request.Fail(exception);
                continue;
            }

            await ReusedCommand(connection, again, "RELEASE SAVEPOINT " + SavepointName + ";").ExecuteNonQueryAsync().ConfigureAwait(false);
            done.Add(request);
        }

        await again.CommitAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// The command for <paramref name="sql"/> on the writer's <paramref name="connection"/>, enlisted in
    /// <paramref name="transaction"/> and without parameters: created and prepared the first time, reused after. For
    /// the work of <see cref="WriteAsync{T}(Func{SqliteConnection, SqliteTransaction, CancellationToken, Task{T}}, CancellationToken)"/> only (one writer at a time uses the connection); the caller adds its
    /// parameters and does not dispose the command.
    /// </summary>
    internal static SqliteCommand ReusedCommand(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var commands = WriterStatements.GetOrCreateValue(connection);
        if (!commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            commands[sql] = command;
        }

        command.Transaction = transaction;
        command.Parameters.Clear();
        return command;
    }

    /// <summary>
    /// JSON as UTF-8 for a parameter that the statement stores with <c>CAST($parameter AS TEXT)</c>: bound as a blob,
    /// the bytes go into the file as they are, where a string would be transcoded to UTF-8 again on the writer. The
    /// text must be valid UTF-8 (the JSON writers make it so). The array is the memory's own when it spans one whole.
    /// </summary>
    internal static byte[] Utf8Text(ReadOnlyMemory<byte> utf8) =>
        MemoryMarshal.TryGetArray(utf8, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : utf8.ToArray();

    private Task<SqliteConnection> OpenWriterAsync() =>
        OpenOwnConnectionAsync(string.Create(CultureInfo.InvariantCulture, $"{WriterPragmas} PRAGMA journal_size_limit = {WalRestartBytes};"));

    // Not from the pool: the writer's and the checkpointer's connections live as long as this instance, with their
    // settings applied once.
    private async Task<SqliteConnection> OpenOwnConnectionAsync(string pragmas)
    {
        await InitializeAsync(CancellationToken.None).ConfigureAwait(false);
        var builder = new SqliteConnectionStringBuilder(_connectionString) { Pooling = false };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            await connection.OpenAsync().ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = pragmas;
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The writes of one running turn that wait for its end, and whether one of its writes failed.</summary>
    private sealed class SqliteTurn
    {
        private Exception? _failure;

        public List<Func<SqliteConnection, SqliteTransaction, CancellationToken, Task>> Waiting { get; } = [];

        /// <summary>What to do once the waiting writes are committed.</summary>
        public List<Action> Committed { get; } = [];

        public Action[]? TakeCommitted()
        {
            if (Committed.Count == 0)
            {
                return null;
            }

            var committed = Committed.ToArray();
            Committed.Clear();
            return committed;
        }

        /// <summary>The waiting writes, in order, handed over to whoever commits them.</summary>
        public Func<SqliteConnection, SqliteTransaction, CancellationToken, Task>[] TakeWaiting()
        {
            var waiting = Waiting.ToArray();
            Waiting.Clear();
            return waiting;
        }

        /// <summary>Remembers a failure of <paramref name="write"/>, which carried the turn's earlier writes and took them with it.</summary>
        public async Task<T> Watch<T>(Task<T> write)
        {
            try
            {
                return await write.ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                _failure ??= exception;
                throw;
            }
        }

        public void ThrowIfFailed()
        {
            if (_failure is not null)
            {
                throw new InvalidOperationException("An earlier write of this turn failed, so the turn stores nothing more.", _failure);
            }
        }
    }

    /// <summary>A write waiting for the writer.</summary>
    private abstract class WriteRequest
    {
        public abstract bool TryCancel();

        public abstract Task RunAsync(SqliteConnection connection, SqliteTransaction transaction);

        public abstract void RunCommitted();

        public abstract void Complete();

        public abstract void Fail(Exception exception);
    }

    private sealed class WriteRequest<T>(Func<SqliteConnection, SqliteTransaction, CancellationToken, Task<T>> work, Action[]? committed, CancellationToken cancellationToken)
        : WriteRequest
    {
        // Continuations run on the thread pool, never on the writer loop.
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T _result = default!;

        public Task<T> Task => _completion.Task;

        public override bool TryCancel() => cancellationToken.IsCancellationRequested && _completion.TrySetCanceled(cancellationToken);

        public override async Task RunAsync(SqliteConnection connection, SqliteTransaction transaction) =>
            _result = await work(connection, transaction, cancellationToken).ConfigureAwait(false);

        public override void RunCommitted()
        {
            foreach (var action in committed ?? [])
            {
                action();
            }
        }

        public override void Complete() => _completion.TrySetResult(_result);

        public override void Fail(Exception exception)
        {
            if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                _completion.TrySetCanceled(cancellationToken);
            }
            else
            {
                _completion.TrySetException(exception);
            }
        }
    }

    private void EnsureDirectory()
    {
        if (DataSource.Length == 0
            || string.Equals(DataSource, ":memory:", StringComparison.Ordinal)
            || DataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(DataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }

    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "SQLite storage ready in {ElapsedMilliseconds:F1} ms")]
    private static partial void LogInitialized(ILogger logger, double elapsedMilliseconds);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Error, Message = "SQLite storage could not be opened ({ErrorType})")]
    private static partial void LogInitializationFailed(ILogger logger, string errorType);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "SQLite checkpoint failed ({ErrorType}); the next one tries again")]
    private static partial void LogCheckpointFailed(ILogger logger, string errorType);
}
