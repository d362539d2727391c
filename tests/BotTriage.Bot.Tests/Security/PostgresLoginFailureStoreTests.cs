using BotTriage.Bot.Security;
using BotTriage.Bot.Storage.Postgres;
using BotTriage.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace BotTriage.Bot.Tests.Security;

public sealed class PostgresLoginFailureStoreTests : LoginFailureStoreContractTests
{
    private readonly PostgresTestDatabase _database = PostgresTestDatabase.Create();
    private readonly List<PostgresDatabase> _opened = [];

    protected override ILoginFailureStore CreateStore() => Open();

    [Fact]
    public Task FailuresThroughTwoInstancesAddUp() => AssertFailuresAddUpAcross(Open());

    [Fact]
    public async Task FailuresSentAtOnceFromTwoInstancesAreEachCounted()
    {
        var other = Open();
        await FailAsync("warm-up", Start);
        await other.RecordFailureAsync("warm-up", Lockout, Start, CancellationToken.None);

        var results = await Task.WhenAll(
            Store.RecordFailureAsync("a1", Lockout, Start, CancellationToken.None),
            other.RecordFailureAsync("a1", Lockout, Start, CancellationToken.None),
            Store.RecordFailureAsync("a1", Lockout, Start, CancellationToken.None));

        Assert.Equal(1, results.Count(locked => locked));
        Assert.True(await LockedAsync("a1", Start));
    }

    [Fact]
    public async Task ForgottenCountsAreDeletedByTheNextFailure()
    {
        await FailAsync("a1", Start);
        await FailAsync("b2", Start.AddMinutes(10));

        await FailAsync("c3", Start.AddMinutes(15));

        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT string_agg(name, ',' ORDER BY name) FROM login_failures", connection);
        Assert.Equal("b2,c3", await command.ExecuteScalarAsync());
    }

    private PostgresLoginFailureStore Open()
    {
        var database = new PostgresDatabase(_database.ConnectionString, NullLogger<PostgresDatabase>.Instance);
        _opened.Add(database);
        return new PostgresLoginFailureStore(database);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _opened.ForEach(d => d.Dispose());
            _database.Dispose();
        }
    }
}
