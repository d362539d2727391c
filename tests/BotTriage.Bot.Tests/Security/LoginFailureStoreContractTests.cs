using BotTriage.Bot.Security;

namespace BotTriage.Bot.Tests.Security;

/// <summary>The behaviour every <see cref="ILoginFailureStore"/> must have; each provider's test class inherits it.</summary>
public abstract class LoginFailureStoreContractTests : IDisposable
{
    protected static readonly LoginLockout Lockout = new(3, TimeSpan.FromMinutes(15));
    protected static readonly DateTimeOffset Start = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    private ILoginFailureStore? _store;

    protected ILoginFailureStore Store => _store ??= CreateStore();

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected abstract ILoginFailureStore CreateStore();

    protected virtual void Dispose(bool disposing)
    {
    }

    protected Task<bool> FailAsync(string name, DateTimeOffset at) => Store.RecordFailureAsync(name, Lockout, at, CancellationToken.None);

    protected Task<bool> LockedAsync(string name, DateTimeOffset at) => Store.IsLockedAsync(name, at, CancellationToken.None);

    [Fact]
    public async Task FailuresInARowLockTheNameUntilTheLockoutEnds()
    {
        Assert.False(await FailAsync("a1", Start));
        Assert.False(await FailAsync("a1", Start.AddMinutes(1)));
        Assert.False(await LockedAsync("a1", Start.AddMinutes(1)));
        Assert.True(await FailAsync("a1", Start.AddMinutes(2)));

        Assert.True(await LockedAsync("a1", Start.AddMinutes(2)));
        Assert.True(await LockedAsync("a1", Start.AddMinutes(16)));
        Assert.False(await LockedAsync("b2", Start.AddMinutes(2)));
        Assert.False(await LockedAsync("a1", Start.AddMinutes(17)));

        // After the lock the count starts again.
        Assert.False(await FailAsync("a1", Start.AddMinutes(17)));
        Assert.False(await FailAsync("a1", Start.AddMinutes(18)));
        Assert.True(await FailAsync("a1", Start.AddMinutes(19)));
    }

    [Fact]
    public async Task FailuresFurtherApartThanTheLockoutAreNotInARow()
    {
        for (var i = 0; i < 5; i++)
        {
            Assert.False(await FailAsync("a1", Start.AddMinutes(15 * i)));
        }

        Assert.False(await LockedAsync("a1", Start.AddMinutes(60)));
    }

    [Fact]
    public async Task AFailureWhileLockedExtendsTheLock()
    {
        await FailAsync("a1", Start);
        await FailAsync("a1", Start);
        await FailAsync("a1", Start);

        Assert.True(await FailAsync("a1", Start.AddMinutes(10)));
        Assert.True(await LockedAsync("a1", Start.AddMinutes(20)));
        Assert.False(await LockedAsync("a1", Start.AddMinutes(25)));
    }

    [Fact]
    public async Task ForgettingANameClearsItsFailuresAndNoOther()
    {
        await FailAsync("a1", Start);
        await FailAsync("a1", Start);
        await FailAsync("b2", Start);
        await FailAsync("b2", Start);

        await Store.ForgetAsync("a1", CancellationToken.None);

        Assert.False(await FailAsync("a1", Start));
        Assert.True(await FailAsync("b2", Start));
    }

    /// <summary>Failures recorded through two stores on one database add up: what two instances see.</summary>
    protected async Task AssertFailuresAddUpAcross(ILoginFailureStore other)
    {
        Assert.False(await FailAsync("a1", Start));
        Assert.False(await other.RecordFailureAsync("a1", Lockout, Start, CancellationToken.None));
        Assert.True(await FailAsync("a1", Start));
        Assert.True(await other.IsLockedAsync("a1", Start, CancellationToken.None));

        await other.ForgetAsync("a1", CancellationToken.None);
        Assert.False(await LockedAsync("a1", Start));
    }
}
