using BotTriage.Bot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace BotTriage.Bot.Tests.Storage;

public sealed class SqliteStorageTests : StorageContractTests
{
    private readonly SqliteFiles _files = new();

    protected override IStorage CreateStorage() => Open(_files.File("bottriage.db"));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _files.Dispose();
        }
    }

    [Fact]
    public async Task DataSurvivesARestartOnTheSameFile()
    {
        var path = _files.File("restart.db");
        var before = Open(path);
        var written = await before.WriteAsync(Changes("test/conversations/c1", Item("""{"step":"duration"}""")), Token);
        _files.CloseLast();

        var after = Open(path);
        var read = await after.ReadAsync(["test/conversations/c1"], Token);

        Assert.Equal(written["test/conversations/c1"], read["test/conversations/c1"].ETag);
        Assert.Equal("""{"step":"duration"}""", read["test/conversations/c1"].Value.GetRawText());
    }

    [Fact]
    public async Task TheWalIsCopiedBackIntoTheFileBesideTheWriterOnceEnoughWritesAreCommitted()
    {
        var path = _files.File("checkpoint.db");
        var database = _files.Open(path);
        var storage = new SqliteStorage(database, TimeProvider.System, NullLogger<SqliteStorage>.Instance);
        var value = "{\"text\":\"" + new string('x', 16 * 1024) + "\"}";
        await storage.WriteAsync(Changes("k0", Item(value)), Token);
        var before = new FileInfo(path).Length;

        // About 1,270 pages of WAL: SQLite's own checkpoint (at 1,000) would have run inside a commit by now.
        for (var i = 1; i < SqliteDatabase.WritesPerCheckpoint; i++)
        {
            await storage.WriteAsync(Changes($"k{i}", Item(value)), Token);
        }

        Assert.Equal(0, database.Checkpoints);
        Assert.Equal(before, new FileInfo(path).Length);

        await storage.WriteAsync(Changes("last", Item(value)), Token);
        for (var waited = 0; database.Checkpoints == 0 && waited < 200; waited++)
        {
            await Task.Delay(50, Token);
        }

        Assert.Equal(1, database.Checkpoints);
        Assert.True(new FileInfo(path).Length > before + (SqliteDatabase.WritesPerCheckpoint * 16 * 1024));
        var read = await storage.ReadAsync(["k0", "k100", "last"], Token);
        Assert.Equal(3, read.Count);
    }

    [Fact]
    public async Task UnderSteadyWritesTheWalStartsOverInsteadOfGrowing()
    {
        var path = _files.File("wal-restart.db");
        var database = _files.Open(path, walRestartBytes: 1024 * 1024);
        var storage = new SqliteStorage(database, TimeProvider.System, NullLogger<SqliteStorage>.Instance);
        var value = "{\"text\":\"" + new string('x', 16 * 1024) + "\"}";
        for (var i = 0; i < SqliteDatabase.WritesPerCheckpoint; i++)
        {
            await storage.WriteAsync(Changes($"a{i}", Item(value)), Token);
        }

        for (var waited = 0; database.Checkpoints == 0 && waited < 200; waited++)
        {
            await Task.Delay(50, Token);
        }

        Assert.Equal(1, database.Checkpoints);
        Assert.Equal(0, database.WalRestarts);
        var walAfterFirstRound = new FileInfo(path + "-wal").Length;

        // The checkpointer found the WAL over the limit: the next write copies the rest first and starts the WAL over.
        await storage.WriteAsync(Changes("b0", Item(value)), Token);
        Assert.Equal(1, database.WalRestarts);
        for (var i = 1; i < SqliteDatabase.WritesPerCheckpoint - 1; i++)
        {
            await storage.WriteAsync(Changes($"b{i}", Item(value)), Token);
        }

        Assert.True(walAfterFirstRound > SqliteDatabase.WritesPerCheckpoint * 16 * 1024);
        Assert.True(new FileInfo(path + "-wal").Length <= walAfterFirstRound);
        var read = await storage.ReadAsync(["a0", "a255", "b0", "b254"], Token);
        Assert.Equal(4, read.Count);
    }

    [Fact]
    public async Task ACorruptDatabaseFileFailsAtStartWithTheFileName()
    {
        var path = _files.File("corrupt.db");
        await File.WriteAllTextAsync(path, "this is not a SQLite database, just some text that is long enough to be read", Token);
        var database = _files.Open(path);

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => database.InitializeAsync(Token));

        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
        Assert.Contains("Storage:DataDirectory", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnwritableFolderFailsAtStartWithTheFileName()
    {
        var blocker = _files.File("a-file");
        await File.WriteAllTextAsync(blocker, "a file where a folder should be", Token);
        var path = Path.Combine(blocker, "sub", "bottriage.db");
        var database = _files.Open(path);

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => database.InitializeAsync(Token));

        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IsUnhealthyWhenTheDatabaseCannotBeOpened()
    {
        var blocker = _files.File("a-file");
        await File.WriteAllTextAsync(blocker, "a file where a folder should be", Token);
        var storage = new SqliteStorage(_files.Open(Path.Combine(blocker, "bottriage.db")), TimeProvider.System, NullLogger<SqliteStorage>.Instance);

        Assert.False(await storage.IsHealthyAsync(Token));
    }

    [Fact]
    public async Task CreatesTheDataFolderAndUsesWriteAheadLogging()
    {
        var path = Path.Combine(_files.Path, "nested", "folder", "bottriage.db");
        var storage = Open(path);

        await storage.WriteAsync(Changes("k", Item("{}")), Token);

        Assert.True(File.Exists(path));
        Assert.True(File.Exists(path + "-wal"));
    }

    [Fact]
    public async Task AFileWithTheEarlierStateTableKeepsItsStateAndETags()
    {
        var path = _files.File("version1.db");
        await ExecuteOnFileAsync(path, """
            CREATE TABLE bot_state (key TEXT NOT NULL PRIMARY KEY, value TEXT NOT NULL, etag TEXT NOT NULL, updated TEXT NOT NULL) WITHOUT ROWID;
            INSERT INTO bot_state VALUES ('test/conversations/c1', '{"step":"pain"}', 'etag-1', '2026-11-01T10:00:00.0000000+00:00');
            PRAGMA user_version = 1;
            """);

        var storage = Open(path);
        var read = await storage.ReadAsync(["test/conversations/c1"], Token);
        var written = await storage.WriteAsync(Changes("test/conversations/c1", Item("""{"step":"duration"}""", "etag-1")), Token);

        Assert.Equal("etag-1", read["test/conversations/c1"].ETag);
        Assert.Equal("""{"step":"pain"}""", read["test/conversations/c1"].Value.GetRawText());
        Assert.Equal(written["test/conversations/c1"], (await storage.ReadAsync(["test/conversations/c1"], Token))["test/conversations/c1"].ETag);
        await using (var connection = await OpenFileAsync(path))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT (SELECT sql FROM sqlite_master WHERE name = 'bot_state') LIKE '%WITHOUT ROWID%', (SELECT user_version FROM pragma_user_version);";
            await using var reader = await command.ExecuteReaderAsync(Token);
            Assert.True(await reader.ReadAsync(Token));
            Assert.Equal((0L, 3L), (reader.GetInt64(0), reader.GetInt64(1)));
        }
    }

    [Fact]
    public async Task AFileWithTheTranscriptsLastActivityIndexLosesIt()
    {
        var path = _files.File("indexed.db");
        await ExecuteOnFileAsync(path, """
            CREATE TABLE transcripts (channel_id TEXT NOT NULL, conversation_id TEXT NOT NULL, created TEXT NOT NULL,
                last_activity TEXT NOT NULL, activity_count INTEGER NOT NULL, PRIMARY KEY (channel_id, conversation_id));
            CREATE INDEX ix_transcripts_last_activity ON transcripts (last_activity);
            """);

        Assert.True(await Open(path).IsHealthyAsync(Token));

        await using (var connection = await OpenFileAsync(path))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'transcripts' ORDER BY name;";
            var indexes = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(Token);
            while (await reader.ReadAsync(Token))
            {
                indexes.Add(reader.GetString(0));
            }

            Assert.Equal(["sqlite_autoindex_transcripts_1"], indexes);
        }
    }

    // Runs statements on the file as another SQLite client would, outside the store.
    private async Task ExecuteOnFileAsync(string path, string sql)
    {
        await using var connection = await OpenFileAsync(path);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Token);
    }

    // The file as another SQLite client sees it, outside the store.
    private async Task<SqliteConnection> OpenFileAsync(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync(Token);
        return connection;
    }

    private SqliteStorage Open(string path) =>
        new(_files.Open(path), TimeProvider.System, NullLogger<SqliteStorage>.Instance);
}
