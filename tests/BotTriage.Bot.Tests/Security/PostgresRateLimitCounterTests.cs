using BotTriage.Bot.Security;
using BotTriage.Bot.Storage.Postgres;
using BotTriage.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace BotTriage.Bot.Tests.Security;

public sealed class PostgresRateLimitCounterTests : IDisposable
{
    private static readonly DateTimeOffset Minute = new(2026, 12, 4, 10, 15, 0, TimeSpan.Zero);

    private readonly PostgresTestDatabase _database = PostgresTestDatabase.Create();
    private readonly PostgresDatabase _opened;
    private readonly PostgresRateLimitCounter _counter;

    public PostgresRateLimitCounterTests()
    {
        _opened = new PostgresDatabase(_database.ConnectionString, NullLogger<PostgresDatabase>.Instance);
        _counter = new PostgresRateLimitCounter(_opened);
    }

    public void Dispose()
    {
        _opened.Dispose();
        _database.Dispose();
    }

    [Fact]
    public async Task EachKeyIsCountedInItsWindowAndANewWindowStartsAgain()
    {
        Assert.Equal(1, await _counter.CountAsync("a", Minute, CancellationToken.None));
        Assert.Equal(2, await _counter.CountAsync("a", Minute, CancellationToken.None));
        Assert.Equal(1, await _counter.CountAsync("b", Minute, CancellationToken.None));
        Assert.Equal(3, await _counter.CountAsync("a", Minute, CancellationToken.None));

        Assert.Equal(1, await _counter.CountAsync("a", Minute.AddMinutes(1), CancellationToken.None));
    }

    [Fact]
    public async Task CountsOfEarlierWindowsAreDeleted()
    {
        await _counter.CountAsync("a", Minute, CancellationToken.None);
        await _counter.CountAsync("b", Minute, CancellationToken.None);

        await _counter.CountAsync("c", Minute.AddMinutes(1), CancellationToken.None);

        Assert.Equal(["c"], await _database.ReadStringsAsync("SELECT key FROM rate_limit_counts ORDER BY key"));
    }

    [Fact]
    public async Task RequestsCountedAtOnceFromSeveralConnectionsAreAllCounted()
    {
        using var second = new PostgresDatabase(_database.ConnectionString, NullLogger<PostgresDatabase>.Instance);
        var counters = new[] { _counter, new PostgresRateLimitCounter(second) };

        var counts = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => counters[i % 2].CountAsync("a", Minute, CancellationToken.None))));

        Assert.Equal(Enumerable.Range(1, 40), counts.Order());
    }

    [Fact]
    public async Task TheTableIsUnlogged()
    {
        await _counter.CountAsync("a", Minute, CancellationToken.None);
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT relpersistence FROM pg_class WHERE relname = 'rate_limit_counts'", connection);

        Assert.Equal('u', await command.ExecuteScalarAsync());
    }
}
