using BotTriage.Bot.Hosting;
using BotTriage.Bot.Schema;
using BotTriage.Bot.Storage.Postgres;
using BotTriage.Core.Triage;
using BotTriage.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BotTriage.Bot.Tests.Storage.Postgres;

public sealed class PostgresVolatileConversationStoreTests : IDisposable
{
    private const string Key = "test/conversations/c1";

    private readonly PostgresTestDatabase _database = PostgresTestDatabase.Create();
    private readonly List<PostgresDatabase> _opened = [];
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));

    private CancellationToken Token => _timeout.Token;

    public void Dispose()
    {
        _opened.ForEach(d => d.Dispose());
        _database.Dispose();
        _timeout.Dispose();
    }

    [Fact]
    public async Task StateSetOnOneInstanceIsReadOnAnother()
    {
        var state = new TriageState { Step = "consent", Culture = "nl", Turn = 3 };

        await Open().SetStateAsync(Key, state, Token);
        var read = await Open().GetStateAsync(Key, Token);

        Assert.Equal("consent", read!.Step);
        Assert.Equal(3, read.Turn);
    }

    [Fact]
    public async Task HeldActivitiesAreTakenOnceInOrderFromAnyInstance()
    {
        var first = Open();
        await first.HoldTranscriptAsync(Key, [Message("1"), Message("2")], Token);
        await Open().HoldTranscriptAsync(Key, [Message("3")], Token);

        var taken = await Open().TakePendingTranscriptAsync(Key, Token);
        var again = await first.TakePendingTranscriptAsync(Key, Token);

        Assert.Equal(["1", "2", "3"], taken.Select(a => a.Id));
        Assert.Empty(again);
    }

    [Fact]
    public async Task RemovingTheStateKeepsHeldActivitiesUntilTakenThenLeavesNoRow()
    {
        var store = Open();
        await store.SetStateAsync(Key, new TriageState { Step = "consent", Culture = "nl" }, Token);
        await store.HoldTranscriptAsync(Key, [Message("1")], Token);

        await store.RemoveStateAsync(Key, Token);
        Assert.Null(await store.GetStateAsync(Key, Token));
        Assert.Single(await store.TakePendingTranscriptAsync(Key, Token));

        Assert.Equal(0L, await CountRowsAsync());
    }

    [Fact]
    public async Task ExpiredStateIsNotServed()
    {
        var store = Open(expirationMinutes: 1);
        await store.SetStateAsync(Key, new TriageState { Step = "consent", Culture = "nl" }, Token);
        await store.HoldTranscriptAsync(Key, [Message("1")], Token);

        await ExecuteAsync("UPDATE volatile_conversations SET expires = now() - interval '1 second'");

        Assert.Null(await store.GetStateAsync(Key, Token));
        Assert.Empty(await store.TakePendingTranscriptAsync(Key, Token));
    }

    [Fact]
    public async Task TheTableIsUnloggedSoItNeverReachesTheWriteAheadLog()
    {
        await Open().SetStateAsync(Key, new TriageState { Step = "consent", Culture = "nl" }, Token);

        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync(Token);
        await using var command = new NpgsqlCommand("SELECT relpersistence FROM pg_class WHERE relname = 'volatile_conversations'", connection);
        Assert.Equal('u', (char)(await command.ExecuteScalarAsync(Token))!);
    }

    private static Activity Message(string id) => Activity.CreateMessageActivity("hoi") with { Id = id };

    private async Task<long> CountRowsAsync()
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync(Token);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM volatile_conversations", connection);
        return (long)(await command.ExecuteScalarAsync(Token))!;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync(Token);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Token);
    }

    private PostgresVolatileConversationStore Open(int expirationMinutes = 60)
    {
        var database = new PostgresDatabase(_database.ConnectionString, NullLogger<PostgresDatabase>.Instance);
        _opened.Add(database);
        return new PostgresVolatileConversationStore(database, Options.Create(new BotOptions { UnconsentedExpirationMinutes = expirationMinutes }));
    }
}
