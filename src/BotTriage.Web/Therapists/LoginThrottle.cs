using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace BotTriage.Web.Therapists;

/// <summary>
/// Locks an account name after <see cref="TherapistOptions.MaxFailedAttempts"/> failed logins in a row, for
/// <see cref="TherapistOptions.LockoutMinutes"/>; also for names that do not exist, so a lockout says nothing about
/// which accounts there are. Kept in memory: a restart or a second instance starts counting afresh.
/// </summary>
public sealed class LoginThrottle(IOptions<TherapistOptions> options, TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, Attempts> _attempts = new(StringComparer.OrdinalIgnoreCase);

    public bool IsLocked(string userName) =>
        _attempts.TryGetValue(userName, out var attempts) && attempts.LockedUntil > timeProvider.GetUtcNow();

    /// <summary>Counts a failure; true when the account is now locked.</summary>
    public bool RecordFailure(string userName)
    {
        var settings = options.Value;
        var now = timeProvider.GetUtcNow();
        var updated = _attempts.AddOrUpdate(
            userName,
            _ => Next(new Attempts(0, null)),
            (_, current) => Next(current.LockedUntil is { } until && until <= now ? new Attempts(0, null) : current));
        return updated.LockedUntil > now;

        Attempts Next(Attempts current) => current.Failures + 1 >= settings.MaxFailedAttempts
            ? new Attempts(current.Failures + 1, now.AddMinutes(settings.LockoutMinutes))
            : current with { Failures = current.Failures + 1 };
    }

    public void RecordSuccess(string userName) => _attempts.TryRemove(userName, out _);

    private sealed record Attempts(int Failures, DateTimeOffset? LockedUntil);
}
