using BotTriage.Bot.Storage;
using BotTriage.Bot.Storage.Postgres;
using BotTriage.Bot.Tests.Transcripts;
using BotTriage.Bot.Transcripts;
using BotTriage.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace BotTriage.Bot.Tests.Storage.Postgres;

public sealed class PostgresTranscriptStoreTests : TranscriptStoreContractTests
{
    private readonly PostgresTestDatabase _database = PostgresTestDatabase.Create();
    private readonly List<PostgresDatabase> _opened = [];

    protected override ITranscriptStore CreateStore(TimeProvider clock) => new PostgresTranscriptStore(Open(), clock, NullLogger<PostgresTranscriptStore>.Instance);

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
    public async Task AnotherInstanceReadsAndListsWhatOneAppended()
    {
        await Store.AppendAsync("test", "c1", [Message("1", "hoi"), Activity("""{"type":"trace"}""")], Token);

        var other = new PostgresTranscriptStore(Open(), Clock, NullLogger<PostgresTranscriptStore>.Instance);

        Assert.Equal(2, (await other.GetActivitiesAsync("test", "c1", Token)).Count);
        Assert.Equal(2, Assert.Single(await other.ListAsync(0, 10, Token)).ActivityCount);
    }

    [Fact]
    public async Task SharesTheDatabaseWithStateStorage()
    {
        var database = Open();
        var storage = new PostgresStorage(database, Clock, NullLogger<PostgresStorage>.Instance);
        var transcripts = new PostgresTranscriptStore(database, Clock, NullLogger<PostgresTranscriptStore>.Instance);

        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["test/conversations/c1"] = new(Activity("{}")) }, Token);
        await transcripts.AppendAsync("test", "c1", [Message("1", "hoi")], Token);

        Assert.Single(await storage.ReadAsync(["test/conversations/c1"], Token));
        Assert.Single(await transcripts.GetActivitiesAsync("test", "c1", Token));
    }

    [Fact]
    public async Task ATurnsActivitiesAreOneRowAndRowsFromBeforeStillRead()
    {
        var database = Open();
        var store = new PostgresTranscriptStore(database, Clock, NullLogger<PostgresTranscriptStore>.Instance);
        await store.AppendAsync("test", "c1", [Message("1", "hoi")], Token);
        await using (var connection = new NpgsqlConnection(_database.ConnectionString))
        {
            // A turn stored before, one row per activity.
            await connection.OpenAsync(Token);
            await using var command = new NpgsqlCommand(
                """
                INSERT INTO transcript_activities (channel_id, conversation_id, activity_id, stored, activity) VALUES
                    ('test', 'c1', '2', now(), '{"type":"message","id":"2","text":"rug"}'),
                    ('test', 'c1', NULL, now(), '{"type":"trace"}');
                """,
                connection);
            await command.ExecuteNonQueryAsync(Token);
        }

        await store.AppendAsync("test", "c1", [Message("3", "nek"), Activity("""{"type":"trace","value":[1,2]}"""), Message("4", "ja")], Token);

        var ids = new List<string?>();
        await using (var connection = new NpgsqlConnection(_database.ConnectionString))
        {
            await connection.OpenAsync(Token);
            await using var command = new NpgsqlCommand("SELECT activity_id FROM transcript_activities ORDER BY seq", connection);
            await using var reader = await command.ExecuteReaderAsync(Token);
            while (await reader.ReadAsync(Token))
            {
                ids.Add(reader.IsDBNull(0) ? null : reader.GetString(0));
            }
        }

        Assert.Equal(["1", "2", null, "3"], ids);
        var activities = await store.GetActivitiesAsync("test", "c1", Token);
        Assert.Equal(
            ["""{"type":"message","id":"1","text":"hoi","channelId":"test"}""", """{"type":"message","id":"2","text":"rug"}""", """{"type":"trace"}""",
             """{"type":"message","id":"3","text":"nek","channelId":"test"}""", """{"type":"trace","value":[1,2]}""", """{"type":"message","id":"4","text":"ja","channelId":"test"}"""],
            activities.Select(a => a.GetRawText()));
    }

    private PostgresDatabase Open()
    {
        var database = new PostgresDatabase(_database.ConnectionString, NullLogger<PostgresDatabase>.Instance);
        _opened.Add(database);
        return database;
    }
}
