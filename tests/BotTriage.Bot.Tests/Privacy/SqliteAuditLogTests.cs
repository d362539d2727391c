using BotTriage.Bot.Privacy;
using BotTriage.Bot.Storage;
using BotTriage.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace BotTriage.Bot.Tests.Privacy;

public sealed class SqliteAuditLogTests : AuditLogContractTests
{
    private readonly TempDirectory _directory = new();
    private SqliteDatabase? _database;

    protected override IAuditLog CreateLog()
    {
        _database = new SqliteDatabase(new SqliteConnectionStringBuilder { DataSource = _directory.File("bottriage.db") }.ToString(), NullLogger<SqliteDatabase>.Instance);
        return new SqliteAuditLog(_database);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _database?.Dispose();
            _directory.Dispose();
        }
    }
}
