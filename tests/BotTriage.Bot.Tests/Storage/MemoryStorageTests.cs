using BotTriage.Bot.Storage;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BotTriage.Bot.Tests.Storage;

public sealed class MemoryStorageTests : StorageContractTests
{
    protected override IStorage CreateStorage() =>
        new MemoryStorage(Options.Create(new StorageOptions()), NullLogger<MemoryStorage>.Instance);

    [Fact]
    public async Task ItemsUntouchedForTheSlidingWindowExpire()
    {
        var clock = new CacheClock();
        using var storage = new MemoryStorage(
            Options.Create(new StorageOptions { MemorySlidingExpirationMinutes = 10 }),
            NullLogger<MemoryStorage>.Instance,
            new MemoryCacheOptions { Clock = clock });
        await storage.WriteAsync(Changes("kept", Item("{}")), Token);
        await storage.WriteAsync(Changes("dropped", Item("{}")), Token);

        clock.UtcNow += TimeSpan.FromMinutes(6);
        await storage.ReadAsync(["kept"], Token);
        clock.UtcNow += TimeSpan.FromMinutes(6);
        var read = await storage.ReadAsync(["kept", "dropped"], Token);

        Assert.Equal(["kept"], read.Keys);
    }

#pragma warning disable CS0618 // MemoryCache still takes its clock as ISystemClock; TimeProvider is not supported by it yet.
    private sealed class CacheClock : Microsoft.Extensions.Internal.ISystemClock
#pragma warning restore CS0618
    {
        public DateTimeOffset UtcNow { get; set; } = DateTimeOffset.UtcNow;
    }
}
