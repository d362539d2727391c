using System.Globalization;
using BotTriage.Testing;
using BotTriage.Web.Therapists;
using Microsoft.Extensions.Options;

namespace BotTriage.Web.Tests.Therapists;

public sealed class LoginThrottleTests
{
    private readonly ManualTimeProvider _clock = new();
    private readonly LoginThrottle _throttle;

    public LoginThrottleTests() =>
        _throttle = new LoginThrottle(Options.Create(new TherapistOptions { MaxFailedAttempts = 3, LockoutMinutes = 15 }), _clock);

    [Fact]
    public void FailuresInARowLockTheNameUntilTheLockoutEnds()
    {
        Assert.False(_throttle.RecordFailure("anna"));
        Assert.False(_throttle.RecordFailure("ANNA"));
        Assert.True(_throttle.RecordFailure("anna"));

        Assert.True(_throttle.IsLocked("Anna"));
        Assert.False(_throttle.IsLocked("bert"));
        _clock.Advance(TimeSpan.FromMinutes(15));
        Assert.False(_throttle.IsLocked("anna"));
        Assert.False(_throttle.RecordFailure("anna"));
    }

    [Fact]
    public void FailuresFurtherApartThanTheLockoutAreNotInARow()
    {
        for (var i = 0; i < 5; i++)
        {
            Assert.False(_throttle.RecordFailure("anna"));
            _clock.Advance(TimeSpan.FromMinutes(15));
        }

        Assert.False(_throttle.IsLocked("anna"));
    }

    [Fact]
    public void ASuccessForgetsTheFailures()
    {
        _throttle.RecordFailure("anna");
        _throttle.RecordFailure("anna");
        _throttle.RecordSuccess("anna");

        Assert.False(_throttle.RecordFailure("anna"));
    }

    [Fact]
    public void NamesTypedOnceAreForgottenOnceTheirFailureIsOld()
    {
        for (var i = 0; i < LoginThrottle.SweepEvery; i++)
        {
            _throttle.RecordFailure("guess-" + i.ToString(CultureInfo.InvariantCulture));
        }

        _clock.Advance(TimeSpan.FromMinutes(5));
        _throttle.RecordFailure("anna");
        _throttle.RecordFailure("anna");
        _throttle.RecordFailure("anna");
        var held = _throttle.TrackedNames;
        _clock.Advance(TimeSpan.FromMinutes(11));
        for (var i = 0; i < LoginThrottle.SweepEvery; i++)
        {
            _throttle.RecordFailure("later-" + i.ToString(CultureInfo.InvariantCulture));
        }

        Assert.Equal(LoginThrottle.SweepEvery + 1, held);
        Assert.Equal(LoginThrottle.SweepEvery + 1, _throttle.TrackedNames);
        Assert.True(_throttle.IsLocked("anna"));
    }
}
