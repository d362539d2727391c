using System.Text.Json;
using BotTriage.Bot.Storage;
using BotTriage.Bot.Transcripts;
using Microsoft.Extensions.Logging.Abstractions;

namespace BotTriage.Bot.Tests.Storage;

/// <summary>A turn on SQLite stores its state and transcript together at its end, or nothing of them.</summary>
public sealed class SqliteTurnWritesTests : IDisposable
{
    private const string Key = "test/conversations/c1";

    private readonly SqliteFiles _files = new();
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));
    private readonly SqliteDatabase _database;
    private readonly SqliteStorage _storage;
    private readonly SqliteTranscriptStore _transcripts;
    private readonly SqliteTurnWrites _turns;

    // A second instance on the same file, as another reader of the database sees it.
    private readonly SqliteStorage _observer;
    private readonly SqliteTranscriptStore _observedTranscripts;

    public SqliteTurnWritesTests()
    {
        _database = NewDatabase();
        _storage = new SqliteStorage(_database, TimeProvider.System, NullLogger<SqliteStorage>.Instance);
        _transcripts = new SqliteTranscriptStore(_database, TimeProvider.System, NullLogger<SqliteTranscriptStore>.Instance);
        _turns = new SqliteTurnWrites(_database);
        var other = NewDatabase();
        _observer = new SqliteStorage(other, TimeProvider.System, NullLogger<SqliteStorage>.Instance);
        _observedTranscripts = new SqliteTranscriptStore(other, TimeProvider.System, NullLogger<SqliteTranscriptStore>.Instance);
    }

    private CancellationToken Token => _timeout.Token;

    public void Dispose()
    {
        _files.Dispose();
        _timeout.Dispose();
    }

    [Fact]
    public async Task TheTurnsWritesAreStoredTogetherWhenItEnds()
    {
        await _turns.RunAsync(
            Key,
            async ct =>
            {
                await _storage.WriteAsync(Changes(Key, """{"step":"pain"}""", "*"), ct);
                await _transcripts.AppendAsync("test", "c1", [Activity("m1")], ct);

                Assert.Empty(await _observer.ReadAsync([Key], ct));
                Assert.Empty(await _observedTranscripts.GetActivitiesAsync("test", "c1", ct));
            },
            Token);

        Assert.Equal("""{"step":"pain"}""", (await _observer.ReadAsync([Key], Token))[Key].Value.GetRawText());
        Assert.Single(await _observedTranscripts.GetActivitiesAsync("test", "c1", Token));
    }

    [Fact]
    public async Task AReadInsideTheTurnSeesWhatTheTurnWrote()
    {
        await _turns.RunAsync(
            Key,
            async ct =>
            {
                var written = await _storage.WriteAsync(Changes(Key, """{"step":"pain"}""", "*"), ct);

                var read = await _storage.ReadAsync([Key], ct);

                Assert.Equal(written[Key], read[Key].ETag);
                Assert.Equal("""{"step":"pain"}""", read[Key].Value.GetRawText());
            },
            Token);
    }

    [Fact]
    public async Task ATurnThatFailsStoresNothing()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => _turns.RunAsync(
            Key,
            async ct =>
            {
                await _storage.WriteAsync(Changes(Key, """{"step":"pain"}""", "*"), ct);
                await _transcripts.AppendAsync("test", "c1", [Activity("m1")], ct);
                throw new InvalidOperationException("the reply could not be sent");
            },
            Token));

        Assert.Equal("the reply could not be sent", failure.Message);
        Assert.Empty(await _observer.ReadAsync([Key], Token));
        Assert.Empty(await _observedTranscripts.GetActivitiesAsync("test", "c1", Token));
    }

    [Fact]
    public async Task AnETagConflictFailsTheTurnAtItsEndAndStoresNothingOfIt()
    {
        var first = await _storage.WriteAsync(Changes(Key, """{"step":"pain"}""", "*"), Token);
        await _observer.WriteAsync(Changes(Key, """{"step":"elsewhere"}""", "*"), Token);

        await Assert.ThrowsAsync<StorageConcurrencyException>(() => _turns.RunAsync(
            Key,
            async ct =>
            {
                await _transcripts.AppendAsync("test", "c1", [Activity("m1")], ct);
                await _storage.WriteAsync(Changes(Key, """{"step":"duration"}""", first[Key]), ct);
            },
            Token));

        Assert.Equal("""{"step":"elsewhere"}""", (await _observer.ReadAsync([Key], Token))[Key].Value.GetRawText());
        Assert.Empty(await _observedTranscripts.GetActivitiesAsync("test", "c1", Token));
    }

    [Fact]
    public async Task ADeleteInsideTheTurnComesAfterTheTurnsEarlierWrites()
    {
        await _turns.RunAsync(
            Key,
            async ct =>
            {
                await _storage.WriteAsync(Changes(Key, """{"step":"pain"}""", "*"), ct);
                await _storage.DeleteAsync([Key], ct);
                await _storage.WriteAsync(Changes("test/users/u1", """{"culture":"nl"}""", "*"), ct);
            },
            Token);

        var stored = await _observer.ReadAsync([Key, "test/users/u1"], Token);
        Assert.Equal(["test/users/u1"], stored.Keys);
    }

    [Fact]
    public async Task AfterAFailedWriteTheTurnStoresNothingMore()
    {
        await _storage.WriteAsync(Changes(Key, """{"step":"pain"}""", "*"), Token);
        await _observer.WriteAsync(Changes(Key, """{"step":"elsewhere"}""", "*"), Token);

        await Assert.ThrowsAsync<InvalidOperationException>(() => _turns.RunAsync(
            Key,
            async ct =>
            {
                await _storage.WriteAsync(Changes(Key, """{"step":"duration"}""", "\"stale\""), ct);

                // The read carries the waiting write, which fails on its ETag; the turn goes on as if it did not care.
                await Assert.ThrowsAsync<StorageConcurrencyException>(() => _storage.ReadAsync([Key], ct));
                await _transcripts.AppendAsync("test", "c1", [Activity("m1")], ct);
            },
            Token));

        Assert.Empty(await _observedTranscripts.GetActivitiesAsync("test", "c1", Token));
    }

    [Fact]
    public async Task OutsideATurnAWriteIsStoredBeforeItReturns()
    {
        await _storage.WriteAsync(Changes(Key, """{"step":"pain"}""", "*"), Token);
        await _transcripts.AppendAsync("test", "c1", [Activity("m1")], Token);

        Assert.Single(await _observer.ReadAsync([Key], Token));
        Assert.Single(await _observedTranscripts.GetActivitiesAsync("test", "c1", Token));
    }

    [Fact]
    public async Task WhatThisProcessCommittedIsReadFromMemoryButAnotherProcessesWriteIsNeverOverwritten()
    {
        var first = await _storage.WriteAsync(Changes(Key, """{"step":"pain"}""", "*"), Token);
        await _observer.WriteAsync(Changes(Key, """{"step":"elsewhere"}""", "*"), Token);

        // One process owns the file: its own last commit is what it reads back, without the file.
        var remembered = await _storage.ReadAsync([Key], Token);
        Assert.Equal(first[Key], remembered[Key].ETag);
        Assert.Equal("""{"step":"pain"}""", remembered[Key].Value.GetRawText());

        // A write over it checks the ETag in the file, fails, and forgets what it remembered.
        await Assert.ThrowsAsync<StorageConcurrencyException>(() => _turns.RunAsync(
            Key,
            ct => _storage.WriteAsync(Changes(Key, """{"step":"duration"}""", first[Key]), ct),
            Token));

        Assert.Equal("""{"step":"elsewhere"}""", (await _storage.ReadAsync([Key], Token))[Key].Value.GetRawText());
        Assert.Equal("""{"step":"elsewhere"}""", (await _observer.ReadAsync([Key], Token))[Key].Value.GetRawText());
    }

    [Fact]
    public async Task ATurnThatFailsLeavesNothingOfItInMemory()
    {
        var first = await _storage.WriteAsync(Changes(Key, """{"step":"pain"}""", "*"), Token);

        await Assert.ThrowsAsync<InvalidOperationException>(() => _turns.RunAsync(
            Key,
            async ct =>
            {
                await _storage.WriteAsync(Changes(Key, """{"step":"duration"}""", first[Key]), ct);
                throw new InvalidOperationException("the reply could not be sent");
            },
            Token));

        var read = await _storage.ReadAsync([Key], Token);
        Assert.Equal(first[Key], read[Key].ETag);
        Assert.Equal("""{"step":"pain"}""", read[Key].Value.GetRawText());
    }

    [Fact]
    public async Task AnErasureFromAnotherTurnIsNotUndoneByMemory()
    {
        await _storage.WriteAsync(Changes(Key, """{"step":"pain"}""", "*"), Token);
        await _storage.WriteAsync(Changes("test/conversations/c2", """{"step":"pain"}""", "*"), Token);

        await _storage.DeleteAsync([Key], Token);
        await _storage.DeleteByPrefixAsync("test/conversations/c2", Token);

        Assert.Empty(await _storage.ReadAsync([Key, "test/conversations/c2"], Token));
    }

    private static Dictionary<string, StoreItem> Changes(string key, string json, string etag) =>
        new(StringComparer.Ordinal) { [key] = new StoreItem(JsonElement.Parse(json), etag) };

    private static JsonElement Activity(string id) =>
        JsonElement.Parse($$"""{"type":"message","id":"{{id}}","text":"pijn in de rug"}""");

    private SqliteDatabase NewDatabase() => _files.Open(_files.File("turns.db"));
}
