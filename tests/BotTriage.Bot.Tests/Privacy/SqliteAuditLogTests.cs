using BotTriage.Bot.Privacy;
using BotTriage.Bot.Tests.Storage;

namespace BotTriage.Bot.Tests.Privacy;

public sealed class SqliteAuditLogTests : AuditLogContractTests
{
    private readonly SqliteFiles _files = new();

    protected override IAuditLog CreateLog() => new SqliteAuditLog(_files.Open(_files.File("bottriage.db")));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _files.Dispose();
        }
    }
}
