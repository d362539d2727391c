using BotTriage.Bot.Storage;
using BotTriage.Bot.Tests.Storage;
using BotTriage.Bot.Transcripts;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace BotTriage.Bot.Tests.Transcripts;

public sealed class SqliteTranscriptStoreTests : TranscriptStoreContractTests
{
    private readonly SqliteFiles _files = new();

    protected override ITranscriptStore CreateStore(TimeProvider clock) => Open(_files.File("bottriage.db"), clock);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _files.Dispose();
        }
    }

    [Fact]
    public async Task TranscriptsSurviveARestartOnTheSameFile()
    {
        var path = _files.File("restart.db");
        await Open(path, Clock).AppendAsync("test", "c1", [Message("1", "hoi"), Activity("""{"type":"trace"}""")], Token);
        _files.CloseLast();

        var activities = await Open(path, Clock).GetActivitiesAsync("test", "c1", Token);

        Assert.Equal(2, activities.Count);
        Assert.Equal("""{"type":"trace"}""", activities[1].GetRawText());
    }

    [Fact]
    public async Task SharesTheDatabaseFileWithStateStorage()
    {
        var path = _files.File("shared.db");
        var database = _files.Open(path);
        var storage = new SqliteStorage(database, Clock, NullLogger<SqliteStorage>.Instance);
        var transcripts = new SqliteTranscriptStore(database, Clock, NullLogger<SqliteTranscriptStore>.Instance);

        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["test/conversations/c1"] = new(Activity("{}")) }, Token);
        await transcripts.AppendAsync("test", "c1", [Message("1", "hoi")], Token);

        Assert.Single(await storage.ReadAsync(["test/conversations/c1"], Token));
        Assert.Single(await transcripts.GetActivitiesAsync("test", "c1", Token));
    }

    [Fact]
    public async Task StateAndActivitiesAreStoredAsTheSameUtf8Text()
    {
        var path = _files.File("text.db");
        var database = _files.Open(path);
        var storage = new SqliteStorage(database, Clock, NullLogger<SqliteStorage>.Instance);
        var transcripts = new SqliteTranscriptStore(database, Clock, NullLogger<SqliteTranscriptStore>.Instance);
        const string state = """{"evidence":"één keer, 🙂 \u003Cb\u003E"}""";

        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["test/conversations/c1"] = new(Activity(state)) }, Token);
        await transcripts.AppendAsync("test", "c1", [Message("1", "rug én nek 🙂")], Token);

        // Read as any other SQLite client would: text values, with the characters as written.
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync(Token);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT typeof(value), value FROM bot_state;
            SELECT typeof(activity), json_extract(activity, '$.text') FROM transcript_activities;
            """;
        await using var reader = await command.ExecuteReaderAsync(Token);
        Assert.True(await reader.ReadAsync(Token));
        Assert.Equal(("text", state), (reader.GetString(0), reader.GetString(1)));
        await reader.NextResultAsync(Token);
        Assert.True(await reader.ReadAsync(Token));
        Assert.Equal(("text", "rug én nek 🙂"), (reader.GetString(0), reader.GetString(1)));
    }

    [Fact]
    public async Task ATurnsActivitiesAreOneRowAndRowsFromBeforeStillRead()
    {
        var path = _files.File("rows.db");
        var store = Open(path, Clock);
        await store.AppendAsync("test", "c1", [Message("1", "hoi")], Token);

        await store.AppendAsync("test", "c1", [Message("2", "rug"), Activity("""{"type":"trace"}"""), Message("3", "nek")], Token);
        await store.AppendAsync("test", "c1", [Message("4", "ja")], Token);

        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            await connection.OpenAsync(Token);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT activity_id FROM transcript_activities ORDER BY seq;";
            await using var reader = await command.ExecuteReaderAsync(Token);
            var ids = new List<string>();
            while (await reader.ReadAsync(Token))
            {
                ids.Add(reader.GetString(0));
            }

            Assert.Equal(["1", "2", "4"], ids);
        }

        var activities = await store.GetActivitiesAsync("test", "c1", Token);
        Assert.Equal(["hoi", "rug", null, "nek", "ja"], activities.Select(a => a.TryGetProperty("text", out var text) ? text.GetString() : null));
        Assert.Equal(5, (await store.ListAsync(0, 10, Token)).Single().ActivityCount);
    }

    [Fact]
    public async Task AFileFromBeforeTranscriptIdsKeepsEveryTranscriptAndFindsItsRowsByTheSummarysId()
    {
        var path = _files.File("version2.db");
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            await connection.OpenAsync(Token);
            await using var command = connection.CreateCommand();

            // Version 2's tables: rows found by channel and conversation ids. c3 has rows but no summary.
            command.CommandText = """
                CREATE TABLE transcripts (channel_id TEXT NOT NULL, conversation_id TEXT NOT NULL, created TEXT NOT NULL,
                    last_activity TEXT NOT NULL, activity_count INTEGER NOT NULL, PRIMARY KEY (channel_id, conversation_id));
                CREATE TABLE transcript_activities (seq INTEGER PRIMARY KEY AUTOINCREMENT, channel_id TEXT NOT NULL,
                    conversation_id TEXT NOT NULL, activity_id TEXT NULL, stored TEXT NOT NULL, activity TEXT NOT NULL);
                CREATE INDEX ix_transcript_activities_conversation ON transcript_activities (channel_id, conversation_id, seq);
                INSERT INTO transcripts VALUES ('test', 'c1', '2026-11-01T10:00:00.0000000+00:00', '2026-11-01T10:01:00.0000000+00:00', 3);
                INSERT INTO transcripts VALUES ('test', 'c2', '2026-11-01T10:00:30.0000000+00:00', '2026-11-01T10:00:30.0000000+00:00', 1);
                INSERT INTO transcript_activities (channel_id, conversation_id, activity_id, stored, activity) VALUES
                    ('test', 'c1', '1', '2026-11-01T10:00:00.0000000+00:00', '{"type":"message","id":"1","text":"hoi"}'),
                    ('test', 'c2', '9', '2026-11-01T10:00:30.0000000+00:00', '{"type":"message","id":"9","text":"hi"}'),
                    ('test', 'c1', '2', '2026-11-01T10:01:00.0000000+00:00', '[{"type":"message","id":"2","text":"rug"},{"type":"message","text":"Hoe lang al?"}]'),
                    ('test', 'c3', '7', '2026-11-01T09:00:00.0000000+00:00', '[{"type":"message","id":"7","text":"nek"},{"type":"trace"}]');
                PRAGMA user_version = 2;
                """;
            await command.ExecuteNonQueryAsync(Token);
        }

        var store = Open(path, Clock);

        Assert.Equal(["hoi", "rug", "Hoe lang al?"], Texts(await store.GetActivitiesAsync("test", "c1", Token)));
        Assert.Equal(["hi"], Texts(await store.GetActivitiesAsync("test", "c2", Token)));
        Assert.Equal(["nek", null], Texts(await store.GetActivitiesAsync("test", "c3", Token)));
        var listed = await store.ListAsync(0, 10, Token);
        Assert.Equal(2, listed.Single(t => t.ConversationId == "c3").ActivityCount);

        await store.AppendAsync("test", "c1", [Message("3", "ja")], Token);
        Assert.True(await store.DeleteAsync("test", "c2", Token));
        Assert.Equal(["hoi", "rug", "Hoe lang al?", "ja"], Texts(await store.GetActivitiesAsync("test", "c1", Token)));
        Assert.Empty(await store.GetActivitiesAsync("test", "c2", Token));

        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            await connection.OpenAsync(Token);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT (SELECT group_concat(name) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'transcript_activities'),
                    (SELECT count(*) FROM transcript_activities WHERE transcript IS NULL),
                    (SELECT count(*) FROM transcript_activities WHERE conversation_id = 'c2'),
                    (SELECT user_version FROM pragma_user_version);
                """;
            await using var reader = await command.ExecuteReaderAsync(Token);
            Assert.True(await reader.ReadAsync(Token));
            Assert.Equal(("ix_transcript_activities_transcript", 0L, 0L, 3L), (reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3)));
        }
    }

    private static IEnumerable<string?> Texts(IReadOnlyList<System.Text.Json.JsonElement> activities) =>
        activities.Select(a => a.TryGetProperty("text", out var text) ? text.GetString() : null);

    private SqliteTranscriptStore Open(string path, TimeProvider clock) =>
        new(_files.Open(path), clock, NullLogger<SqliteTranscriptStore>.Instance);
}
