using BotTriage.Bot.Security;
using BotTriage.Bot.Storage;
using BotTriage.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace BotTriage.Bot.Tests.Security;

public sealed class SqliteLoginFailureStoreTests : LoginFailureStoreContractTests
{
    private readonly TempDirectory _directory = new();
    private readonly List<SqliteDatabase> _opened = [];

    protected override ILoginFailureStore CreateStore() => Open();

    [Fact]
    public async Task ARestartKeepsTheCountsAndALock()
    {
        await FailAsync("a1", Start);
        await FailAsync("a1", Start);
        await FailAsync("a1", Start);

        var restarted = Open();
        Assert.True(await restarted.IsLockedAsync("a1", Start.AddMinutes(14), CancellationToken.None));
        Assert.False(await restarted.IsLockedAsync("a1", Start.AddMinutes(15), CancellationToken.None));
    }

    [Fact]
    public async Task ForgottenCountsAreDeletedByTheNextFailure()
    {
        await FailAsync("a1", Start);
        await FailAsync("b2", Start.AddMinutes(10));

        await FailAsync("c3", Start.AddMinutes(15));

        Assert.Equal(["b2", "c3"], await NamesAsync());
    }

    private async Task<List<string>> NamesAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_directory.File("bottriage.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM login_failures ORDER BY name";
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private SqliteLoginFailureStore Open()
    {
        var database = new SqliteDatabase(new SqliteConnectionStringBuilder { DataSource = _directory.File("bottriage.db") }.ToString(), NullLogger<SqliteDatabase>.Instance);
        _opened.Add(database);
        return new SqliteLoginFailureStore(database);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _opened.ForEach(d => d.Dispose());
            SqliteConnection.ClearAllPools();
            _directory.Dispose();
        }
    }
}
