using BotTriage.Bot.Storage;
using BotTriage.Bot.Storage.Postgres;
using BotTriage.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace BotTriage.Bot.Tests.Storage.Postgres;

public sealed class PostgresStorageTests : StorageContractTests
{
    private readonly PostgresTestDatabase _database = PostgresTestDatabase.Create();
    private readonly List<PostgresDatabase> _opened = [];

    protected override IStorage CreateStorage() => Open(_database.ConnectionString);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _opened.ForEach(d => d.Dispose());
            _database.Dispose();
        }
    }

    [Fact]
    public async Task DataWrittenByOneInstanceIsReadByAnotherWithItsETag()
    {
        var first = Open(_database.ConnectionString);
        var second = Open(_database.ConnectionString);

        var written = await first.WriteAsync(Changes("test/conversations/c1", Item("""{"step":"duration"}""")), Token);
        var read = await second.ReadAsync(["test/conversations/c1"], Token);

        Assert.Equal(written["test/conversations/c1"], read["test/conversations/c1"].ETag);
    }

    [Fact]
    public async Task OfTwoInstancesWritingAgainstOneETagExactlyOneWins()
    {
        var first = Open(_database.ConnectionString);
        var second = Open(_database.ConnectionString);
        var etag = (await first.WriteAsync(Changes("test/conversations/c1", Item("""{"n":0}""")), Token))["test/conversations/c1"];

        var results = await Task.WhenAll(Enumerable.Range(1, 10).Select(async i =>
        {
            try
            {
                await (i % 2 == 0 ? first : second).WriteAsync(Changes("test/conversations/c1", Item($$"""{"n":{{i}}}""", etag)), Token);
                return true;
            }
            catch (StorageConcurrencyException)
            {
                return false;
            }
        }));

        Assert.Equal(1, results.Count(won => won));
    }

    [Fact]
    public async Task TwoInstancesStartingAtOnceMigrateTheSchemaOnce()
    {
        var instances = Enumerable.Range(0, 4).Select(_ => new PostgresDatabase(_database.ConnectionString, NullLogger<PostgresDatabase>.Instance)).ToList();
        _opened.AddRange(instances);

        await Task.WhenAll(instances.Select(i => i.MigrateAsync(Token)));

        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync(Token);
        await using var command = new NpgsqlCommand("SELECT count(*), max(version) FROM schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(Token);
        Assert.True(await reader.ReadAsync(Token));
        Assert.Equal(PostgresMigration.All.Count, reader.GetInt64(0));
        Assert.Equal(PostgresDatabase.LatestVersion, reader.GetInt32(1));
    }

    [Fact]
    public async Task TheTranscriptSummaryIsIndexedByItsKeyAlone()
    {
        var indexes = await MigrateAndQueryAsync("SELECT indexdef FROM pg_indexes WHERE tablename = 'transcripts'", r => r.GetString(0));

        Assert.Contains("(channel_id, conversation_id)", Assert.Single(indexes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatesAreCompressedWithLz4WhenTheServerHasIt()
    {
        var compression = await MigrateAndQueryAsync(
            """
            SELECT a.attname, a.attcompression FROM pg_attribute a
            WHERE (a.attrelid = 'bot_state'::regclass AND a.attname = 'value')
               OR (a.attrelid = 'therapist_sessions'::regclass AND a.attname = 'state')
            ORDER BY a.attname
            """,
            r => $"{r.GetString(0)}={r.GetChar(1)}");

        // Debian's PostgreSQL, which the test command installs, is built with LZ4 ('l'); without it the column keeps
        // the default ('\0') and the migration still succeeds.
        Assert.Equal(["state=l", "value=l"], compression);
    }

    [Fact]
    public async Task MigratingAgainKeepsTheData()
    {
        var before = Open(_database.ConnectionString);
        await before.WriteAsync(Changes("test/conversations/c1", Item("""{"step":"pain"}""")), Token);

        var after = Open(_database.ConnectionString);
        await _opened[^1].MigrateAsync(Token);

        Assert.Single(await after.ReadAsync(["test/conversations/c1"], Token));
    }

    [Fact]
    public async Task ASchemaNewerThanTheBuildFailsWithAClearMessage()
    {
        await Open(_database.ConnectionString).IsHealthyAsync(Token);
        await using (var connection = new NpgsqlConnection(_database.ConnectionString))
        {
            await connection.OpenAsync(Token);
            await using var command = new NpgsqlCommand("INSERT INTO schema_migrations (version, description) VALUES (9999, 'from the future')", connection);
            await command.ExecuteNonQueryAsync(Token);
        }

        var fresh = new PostgresDatabase(_database.ConnectionString, NullLogger<PostgresDatabase>.Instance);
        _opened.Add(fresh);
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => fresh.MigrateAsync(Token));

        Assert.Contains("9999", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnreachableServerIsUnhealthyAndFailsWritesAsUnavailable()
    {
        var builder = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Port = LoopbackPort.Free(), Timeout = 2 };
        var storage = Open(builder.ConnectionString);

        Assert.False(await storage.IsHealthyAsync(Token));
        var exception = await Assert.ThrowsAsync<StorageUnavailableException>(
            () => storage.WriteAsync(Changes("test/conversations/c1", Item("{}")), Token));
        Assert.Contains("127.0.0.1", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", exception.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void AConnectionStringWithoutHostIsRefused()
    {
        var exception = Assert.Throws<ArgumentException>(() => new PostgresDatabase("Database=bottriage", NullLogger<PostgresDatabase>.Instance));

        Assert.Contains("Host", exception.Message, StringComparison.Ordinal);
    }

    private PostgresStorage Open(string connectionString)
    {
        var database = new PostgresDatabase(connectionString, NullLogger<PostgresDatabase>.Instance);
        _opened.Add(database);
        return new PostgresStorage(database, TimeProvider.System, NullLogger<PostgresStorage>.Instance);
    }

    // Migrates a fresh database, then reads one text per row of the query.
    private async Task<List<string>> MigrateAndQueryAsync(string sql, Func<NpgsqlDataReader, string> row)
    {
        var database = new PostgresDatabase(_database.ConnectionString, NullLogger<PostgresDatabase>.Instance);
        _opened.Add(database);
        await database.MigrateAsync(Token);

        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync(Token);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(Token);
        var rows = new List<string>();
        while (await reader.ReadAsync(Token))
        {
            rows.Add(row(reader));
        }

        return rows;
    }
}
