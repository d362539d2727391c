using BotTriage.Bot.Security;
using BotTriage.Bot.Tests.Storage;

namespace BotTriage.Bot.Tests.Security;

public sealed class SqliteKeyRingStoreTests : KeyRingStoreContractTests
{
    private readonly SqliteFiles _files = new();

    protected override IKeyRingStore OpenStore() => new SqliteKeyRingStore(_files.Open(_files.File("bottriage.db")));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _files.Dispose();
        }
    }
}
