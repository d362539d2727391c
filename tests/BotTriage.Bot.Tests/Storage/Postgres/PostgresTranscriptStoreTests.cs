using BotTriage.Bot.Storage;
using BotTriage.Bot.Storage.Postgres;
using BotTriage.Bot.Tests.Transcripts;
using BotTriage.Bot.Transcripts;
using BotTriage.Testing;
using Microsoft.Extensions.Logging.Abstractions;

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

    private PostgresDatabase Open()
    {
        var database = new PostgresDatabase(_database.ConnectionString, NullLogger<PostgresDatabase>.Instance);
        _opened.Add(database);
        return database;
    }
}
