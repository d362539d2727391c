using BotTriage.Bot.Sessions;

namespace BotTriage.Bot.Tests.Sessions;

public sealed class MemorySessionStoreTests : SessionStoreContractTests
{
    protected override ISessionStore CreateStore() => new MemorySessionStore();
}
