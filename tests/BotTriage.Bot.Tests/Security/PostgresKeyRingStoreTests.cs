using BotTriage.Bot.Security;
using BotTriage.Bot.Storage.Postgres;
using BotTriage.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace BotTriage.Bot.Tests.Security;

public sealed class PostgresKeyRingStoreTests : KeyRingStoreContractTests
{
    private readonly PostgresTestDatabase _database = PostgresTestDatabase.Create();
    private readonly List<PostgresDatabase> _opened = [];

    protected override IKeyRingStore OpenStore()
    {
        var database = new PostgresDatabase(_database.ConnectionString, NullLogger<PostgresDatabase>.Instance);
        _opened.Add(database);
        return new PostgresKeyRingStore(database);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _opened.ForEach(d => d.Dispose());
            _database.Dispose();
        }
    }
}
