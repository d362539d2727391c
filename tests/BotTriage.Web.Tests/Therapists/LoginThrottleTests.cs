using BotTriage.Bot.Security;
using BotTriage.Testing;
using BotTriage.Web.Therapists;
using Microsoft.Extensions.Options;

namespace BotTriage.Web.Tests.Therapists;

public sealed class LoginThrottleTests
{
    private readonly ManualTimeProvider _clock = new();
    private readonly LoginThrottle _throttle;

    public LoginThrottleTests() =>
        _throttle = new LoginThrottle(new MemoryLoginFailureStore(), Options.Create(new TherapistOptions { MaxFailedAttempts = 3, LockoutMinutes = 15 }), _clock);

    [Fact]
    public async Task FailuresInARowLockTheNameWhateverItsCaseUntilTheLockoutEnds()
    {
        Assert.False(await _throttle.RecordFailureAsync("anna", CancellationToken.None));
        Assert.False(await _throttle.RecordFailureAsync("ANNA", CancellationToken.None));
        Assert.True(await _throttle.RecordFailureAsync("Anna", CancellationToken.None));

        Assert.True(await _throttle.IsLockedAsync("aNNa", CancellationToken.None));
        Assert.False(await _throttle.IsLockedAsync("bert", CancellationToken.None));
        _clock.Advance(TimeSpan.FromMinutes(15));
        Assert.False(await _throttle.IsLockedAsync("anna", CancellationToken.None));
    }

    [Fact]
    public async Task ASuccessForgetsTheFailures()
    {
        await _throttle.RecordFailureAsync("anna", CancellationToken.None);
        await _throttle.RecordFailureAsync("anna", CancellationToken.None);
        await _throttle.RecordSuccessAsync("Anna", CancellationToken.None);

        Assert.False(await _throttle.RecordFailureAsync("anna", CancellationToken.None));
    }

    [Fact]
    public void NamesAreCountedUnderADigestThatDoesNotHoldWhatWasTyped()
    {
        var digest = LoginThrottle.Digest("geheim-wachtwoord");

        Assert.Equal(64, digest.Length);
        Assert.DoesNotContain("geheim", digest, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(digest, LoginThrottle.Digest("GEHEIM-WACHTWOORD"));
        Assert.NotEqual(digest, LoginThrottle.Digest("geheim-wachtwoord2"));
    }
}
