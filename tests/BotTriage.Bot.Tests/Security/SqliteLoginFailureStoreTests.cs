using BotTriage.Bot.Security;
using BotTriage.Bot.Tests.Storage;
using Microsoft.Data.Sqlite;

namespace BotTriage.Bot.Tests.Security;

public sealed class SqliteLoginFailureStoreTests : LoginFailureStoreContractTests
{
    private readonly SqliteFiles _files = new();

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
        await using var connection = new SqliteConnection($"Data Source={_files.File("bottriage.db")}");
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

    private SqliteLoginFailureStore Open() => new(_files.Open(_files.File("bottriage.db")));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            // NamesAsync reads through a pooled connection of its own.
            SqliteConnection.ClearAllPools();
            _files.Dispose();
        }
    }
}
