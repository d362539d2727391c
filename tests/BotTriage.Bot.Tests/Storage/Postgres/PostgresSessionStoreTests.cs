using BotTriage.Bot.Sessions;
using BotTriage.Bot.Storage.Postgres;
using BotTriage.Bot.Tests.Sessions;
using BotTriage.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace BotTriage.Bot.Tests.Storage.Postgres;

public sealed class PostgresSessionStoreTests : SessionStoreContractTests
{
    private readonly PostgresTestDatabase _database = PostgresTestDatabase.Create();
    private readonly List<PostgresDatabase> _opened = [];

    protected override ISessionStore CreateStore() => new PostgresSessionStore(Open());

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
    public async Task ASessionWrittenByOneInstanceIsListedByAnother()
    {
        await Store.UpsertAsync(Session("c1"), Token);

        var page = await new PostgresSessionStore(Open()).QueryAsync(new SessionQuery(), Token);

        Assert.Equal("pijn in mijn onderrug", Assert.Single(page.Items).State.Answers["complaint"].Text);
    }

    private PostgresDatabase Open()
    {
        var database = new PostgresDatabase(_database.ConnectionString, NullLogger<PostgresDatabase>.Instance);
        _opened.Add(database);
        return database;
    }
}
