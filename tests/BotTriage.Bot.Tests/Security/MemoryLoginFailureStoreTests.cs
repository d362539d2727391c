using System.Globalization;
using BotTriage.Bot.Security;

namespace BotTriage.Bot.Tests.Security;

public sealed class MemoryLoginFailureStoreTests : LoginFailureStoreContractTests
{
    private readonly MemoryLoginFailureStore _memory = new();

    protected override ILoginFailureStore CreateStore() => _memory;

    [Fact]
    public async Task NamesTypedOnceAreForgottenOnceTheirFailureIsOld()
    {
        for (var i = 0; i < MemoryLoginFailureStore.SweepEvery; i++)
        {
            await FailAsync("guess-" + i.ToString(CultureInfo.InvariantCulture), Start);
        }

        await FailAsync("a1", Start.AddMinutes(5));
        await FailAsync("a1", Start.AddMinutes(5));
        await FailAsync("a1", Start.AddMinutes(5));
        var held = _memory.TrackedNames;
        for (var i = 0; i < MemoryLoginFailureStore.SweepEvery; i++)
        {
            await FailAsync("later-" + i.ToString(CultureInfo.InvariantCulture), Start.AddMinutes(16));
        }

        Assert.Equal(MemoryLoginFailureStore.SweepEvery + 1, held);
        Assert.Equal(MemoryLoginFailureStore.SweepEvery + 1, _memory.TrackedNames);
        Assert.True(await LockedAsync("a1", Start.AddMinutes(16)));
    }
}
