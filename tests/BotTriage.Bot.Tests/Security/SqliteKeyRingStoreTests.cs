using BotTriage.Bot.Security;
using BotTriage.Bot.Storage;
using BotTriage.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace BotTriage.Bot.Tests.Security;

public sealed class SqliteKeyRingStoreTests : KeyRingStoreContractTests
{
    private readonly TempDirectory _directory = new();
    private readonly List<SqliteDatabase> _opened = [];

    protected override IKeyRingStore OpenStore()
    {
        var database = new SqliteDatabase(new SqliteConnectionStringBuilder { DataSource = _directory.File("bottriage.db") }.ToString(), NullLogger<SqliteDatabase>.Instance);
        _opened.Add(database);
        return new SqliteKeyRingStore(database);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _opened.ForEach(d => d.Dispose());
            _directory.Dispose();
        }
    }
}
