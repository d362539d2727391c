using BotTriage.Bot.Privacy;

namespace BotTriage.Bot.Tests.Privacy;

public sealed class MemoryAuditLogTests : AuditLogContractTests
{
    protected override IAuditLog CreateLog() => new MemoryAuditLog();
}
