using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace BotTriage.Web.Therapists;

/// <summary>
/// Locks an account name after <see cref="TherapistOptions.MaxFailedAttempts"/> failed logins in a row, for
/// <see cref="TherapistOptions.LockoutMinutes"/>; also for names that do not exist, so a lockout says nothing about
/// which accounts there are. Failures count as "in a row" while each comes within <see cref="TherapistOptions.LockoutMinutes"/>
/// of the one before: a name's count is forgotten that long after its last failure (and once its lock has ended), so
/// the names typed at the login page do not pile up in memory. Kept in memory: a restart or a second instance starts
/// counting afresh.
/// </summary>
public sealed class LoginThrottle(IOptions<TherapistOptions> options, TimeProvider timeProvider)
{
    /// <summary>Forgotten names are swept out once every this many failures.</summary>
    internal const int SweepEvery = 256;

    private readonly ConcurrentDictionary<string, Attempts> _attempts = new(StringComparer.OrdinalIgnoreCase);
    private int _failuresSinceSweep;

    /// <summary>How many names the throttle holds a count for.</summary>
    internal int TrackedNames => _attempts.Count;

    public bool IsLocked(string userName) =>
        _attempts.TryGetValue(userName, out var attempts) && attempts.LockedUntil > timeProvider.GetUtcNow();

    /// <summary>Counts a failure; true when the account is now locked.</summary>
    public bool RecordFailure(string userName)
    {
        var settings = options.Value;
        var now = timeProvider.GetUtcNow();
        var window = TimeSpan.FromMinutes(settings.LockoutMinutes);
        var fresh = new Attempts(0, now, null);
        var updated = _attempts.AddOrUpdate(
            userName,
            _ => Next(fresh),
            (_, current) => Next(IsForgotten(current, now, window) ? fresh : current));
        if (Interlocked.Increment(ref _failuresSinceSweep) >= SweepEvery)
        {
            Interlocked.Exchange(ref _failuresSinceSweep, 0);
            foreach (var entry in _attempts)
            {
                if (IsForgotten(entry.Value, now, window))
                {
                    // Removed only if unchanged since it was read, so a failure counted meanwhile stays.
                    _attempts.TryRemove(entry);
                }
            }
        }

        return updated.LockedUntil > now;

        Attempts Next(Attempts current) => current.Failures + 1 >= settings.MaxFailedAttempts
            ? new Attempts(current.Failures + 1, now, now + window)
            : new Attempts(current.Failures + 1, now, null);
    }

    public void RecordSuccess(string userName) => _attempts.TryRemove(userName, out _);

    private static bool IsForgotten(Attempts attempts, DateTimeOffset now, TimeSpan window) =>
        !(attempts.LockedUntil > now) && attempts.LastFailure + window <= now;

    private sealed record Attempts(int Failures, DateTimeOffset LastFailure, DateTimeOffset? LockedUntil);
}
