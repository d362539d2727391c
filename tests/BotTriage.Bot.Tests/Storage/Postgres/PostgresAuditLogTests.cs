using BotTriage.Bot.Privacy;
using BotTriage.Bot.Storage.Postgres;
using BotTriage.Bot.Tests.Privacy;
using BotTriage.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace BotTriage.Bot.Tests.Storage.Postgres;

public sealed class PostgresAuditLogTests : AuditLogContractTests
{
    private readonly PostgresTestDatabase _database = PostgresTestDatabase.Create();
    private PostgresDatabase? _opened;

    protected override IAuditLog CreateLog()
    {
        _opened = new PostgresDatabase(_database.ConnectionString, NullLogger<PostgresDatabase>.Instance);
        return new PostgresAuditLog(_opened);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _opened?.Dispose();
            _database.Dispose();
        }
    }
}
