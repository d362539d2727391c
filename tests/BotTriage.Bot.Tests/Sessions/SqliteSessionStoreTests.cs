using BotTriage.Bot.Sessions;
using BotTriage.Bot.Storage;
using BotTriage.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace BotTriage.Bot.Tests.Sessions;

public sealed class SqliteSessionStoreTests : SessionStoreContractTests
{
    private readonly TempDirectory _directory = new();
    private readonly List<SqliteDatabase> _databases = [];

    protected override ISessionStore CreateStore() => new SqliteSessionStore(Database(_directory.File("bottriage.db")));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _databases.ForEach(d => d.Dispose());
            _directory.Dispose();
        }
    }

    [Fact]
    public async Task SessionsSurviveARestartOnTheSameFile()
    {
        var path = _directory.File("restart.db");
        await new SqliteSessionStore(Database(path)).UpsertAsync(Session("c1"), Token);
        _databases[^1].Dispose();

        var read = await new SqliteSessionStore(Database(path)).GetAsync("webchat", "c1", Token);

        Assert.Equal("pijn in mijn onderrug", read!.State.Answers["complaint"].Text);
    }

    private SqliteDatabase Database(string path)
    {
        var database = new SqliteDatabase(new SqliteConnectionStringBuilder { DataSource = path }.ToString(), NullLogger<SqliteDatabase>.Instance);
        _databases.Add(database);
        return database;
    }
}
