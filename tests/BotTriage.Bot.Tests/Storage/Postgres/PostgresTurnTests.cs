using System.Text.Json;
using BotTriage.Bot.Hosting;
using BotTriage.Bot.Schema;
using BotTriage.Bot.Storage;
using BotTriage.Bot.Storage.Postgres;
using BotTriage.Core.Triage;
using BotTriage.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BotTriage.Bot.Tests.Storage.Postgres;

/// <summary>
/// A turn under <see cref="PostgresTurnLock"/>: its writes are sent late (with its next statement or its commit), and
/// what it read at its start is reused; neither may change what the turn sees or what it commits.
/// </summary>
public sealed class PostgresTurnTests : IDisposable
{
    private const string Key = "test/conversations/c1";

    private readonly PostgresTestDatabase _database = PostgresTestDatabase.Create();
    private readonly PostgresDatabase _postgres;
    private readonly PostgresTurnLock _lock;
    private readonly PostgresStorage _storage;
    private readonly PostgresVolatileConversationStore _volatile;
    private readonly PostgresTranscriptStore _transcripts;
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));

    public PostgresTurnTests()
    {
        _postgres = new PostgresDatabase(_database.ConnectionString, NullLogger<PostgresDatabase>.Instance);
        var options = Options.Create(new BotOptions { UnconsentedExpirationMinutes = 60 });
        _lock = new PostgresTurnLock(_postgres, options);
        _storage = new PostgresStorage(_postgres, TimeProvider.System, NullLogger<PostgresStorage>.Instance);
        _volatile = new PostgresVolatileConversationStore(_postgres, options);
        _transcripts = new PostgresTranscriptStore(_postgres, TimeProvider.System, NullLogger<PostgresTranscriptStore>.Instance);
    }

    private CancellationToken Token => _timeout.Token;

    public void Dispose()
    {
        _postgres.Dispose();
        _database.Dispose();
        _timeout.Dispose();
    }

    [Fact]
    public async Task ATurnThatFailsAfterItsWritesCommitsNone()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => _lock.RunAsync(
            Key,
            async ct =>
            {
                await _volatile.SetStateAsync(Key, new TriageState { Step = "consent", Culture = "nl" }, ct);
                await _volatile.HoldTranscriptAsync(Key, [Message("1")], ct);
                await _storage.WriteAsync(Item("users/u1", "{\"culture\":\"nl\"}"), ct);
                await _transcripts.AppendAsync("test", "c1", [JsonElement.Parse("{\"id\":\"a\"}")], ct);
                throw new InvalidOperationException("the bot failed");
            },
            Token));

        Assert.Equal(0L, await CountAsync("volatile_conversations"));
        Assert.Equal(0L, await CountAsync("bot_state"));
        Assert.Equal(0L, await CountAsync("transcript_activities"));
        Assert.Equal(0L, await CountAsync("transcripts"));
    }

    [Fact]
    public async Task ATurnReadsItsOwnWritesAndCommitsThemTogether()
    {
        await _lock.RunAsync(
            Key,
            async ct =>
            {
                Assert.Null(await _volatile.GetStateAsync(Key, ct));
                Assert.Empty(await _storage.ReadAsync([Key], ct));

                await _volatile.SetStateAsync(Key, new TriageState { Step = "consent", Culture = "en" }, ct);
                await _volatile.HoldTranscriptAsync(Key, [Message("1"), Message("2")], ct);
                Assert.Equal("consent", (await _volatile.GetStateAsync(Key, ct))!.Step);

                var etags = await _storage.WriteAsync(Item(Key, "{\"step\":\"location\"}", "\"bottriage-new\""), ct);
                await _volatile.RemoveStateAsync(Key, ct);
                Assert.Null(await _volatile.GetStateAsync(Key, ct));
                var read = await _storage.ReadAsync([Key], ct);
                Assert.Equal(etags[Key], read[Key].ETag);
                Assert.Equal(["1", "2"], (await _volatile.TakePendingTranscriptAsync(Key, ct)).Select(a => a.Id));
            },
            Token);

        Assert.Equal(0L, await CountAsync("volatile_conversations"));
        var other = new PostgresStorage(_postgres, TimeProvider.System, NullLogger<PostgresStorage>.Instance);
        Assert.Equal("location", (await other.ReadAsync([Key], Token))[Key].Value.GetProperty("step").GetString());
    }

    [Fact]
    public async Task TheNextTurnReadsWhatTheLastCommittedAndItsETagStillGuardsTheWrite()
    {
        var first = await _storage.WriteAsync(Item(Key, "{\"step\":\"consent\"}", "\"bottriage-new\""), Token);
        Task? elsewhere = null;
        await _lock.RunAsync(
            Key,
            async ct =>
            {
                var read = await _storage.ReadAsync([Key], ct);
                Assert.Equal(first[Key], read[Key].ETag);

                // Another writer (not holding the turn's lock) waits for the turn: the turn holds the row it read.
                elsewhere = ExecuteAsync("UPDATE bot_state SET etag = 'elsewhere'");
                await Task.WhenAny(elsewhere, Task.Delay(300, ct));
                Assert.False(elsewhere.IsCompleted);

                // A write against any other ETag than the one read is refused; the one read is accepted, once.
                await Assert.ThrowsAsync<StorageConcurrencyException>(() => _storage.WriteAsync(Item(Key, "{\"step\":\"location\"}", "stale"), ct));
                var written = await _storage.WriteAsync(Item(Key, "{\"step\":\"location\"}", read[Key].ETag), ct);
                await Assert.ThrowsAsync<StorageConcurrencyException>(() => _storage.WriteAsync(Item(Key, "{\"step\":\"age\"}", read[Key].ETag), ct));
                var again = await _storage.ReadAsync([Key], ct);
                Assert.Equal(written[Key], again[Key].ETag);
                Assert.Equal("location", again[Key].Value.GetProperty("step").GetString());
            },
            Token);

        // The turn committed its write; the other writer's then went ahead.
        await elsewhere!.WaitAsync(Token);
        var after = await _storage.ReadAsync([Key], Token);
        Assert.Equal("elsewhere", after[Key].ETag);
        Assert.Equal("location", after[Key].Value.GetProperty("step").GetString());
    }

    [Fact]
    public async Task ATurnsWriteOfItsOwnRowWaitsForItsCommitAndIsUndoneWithIt()
    {
        var first = await _storage.WriteAsync(Item(Key, "{\"step\":\"consent\"}", "\"bottriage-new\""), Token);
        await Assert.ThrowsAsync<InvalidOperationException>(() => _lock.RunAsync(
            Key,
            async ct =>
            {
                var read = await _storage.ReadAsync([Key], ct);
                await _storage.WriteAsync(Item(Key, "{\"step\":\"location\"}", read[Key].ETag), ct);
                throw new InvalidOperationException("the bot failed");
            },
            Token));

        var after = await _storage.ReadAsync([Key], Token);
        Assert.Equal(first[Key], after[Key].ETag);
        Assert.Equal("consent", after[Key].Value.GetProperty("step").GetString());
    }

    private static Activity Message(string id) => Activity.CreateMessageActivity("hoi") with { Id = id };

    private static Dictionary<string, StoreItem> Item(string key, string json, string? etag = null) =>
        new(StringComparer.Ordinal) { [key] = new StoreItem(JsonElement.Parse(json), etag) };

    private async Task<long> CountAsync(string table)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync(Token);
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
        return (long)(await command.ExecuteScalarAsync(Token))!;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync(Token);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Token);
    }
}
