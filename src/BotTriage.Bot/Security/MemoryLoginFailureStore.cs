using System.Collections.Concurrent;

namespace BotTriage.Bot.Security;

/// <summary><see cref="ILoginFailureStore"/> in this process, for the memory provider: a restart starts counting afresh.</summary>
public sealed class MemoryLoginFailureStore : ILoginFailureStore
{
    /// <summary>Forgotten names are swept out once every this many failures.</summary>
    internal const int SweepEvery = 256;

    private readonly ConcurrentDictionary<string, Attempts> _attempts = new(StringComparer.Ordinal);
    private int _failuresSinceSweep;

    /// <summary>How many names the store holds a count for.</summary>
    internal int TrackedNames => _attempts.Count;

    public Task<bool> IsLockedAsync(string name, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(_attempts.TryGetValue(name, out var attempts) && attempts.LockedUntil > now);

    public Task<bool> RecordFailureAsync(string name, LoginLockout lockout, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var fresh = new Attempts(0, now, null);
        var updated = _attempts.AddOrUpdate(
            name,
            _ => Next(fresh),
            (_, current) => Next(IsForgotten(current, now, lockout.Period) ? fresh : current));
        if (Interlocked.Increment(ref _failuresSinceSweep) >= SweepEvery)
        {
            Interlocked.Exchange(ref _failuresSinceSweep, 0);
            foreach (var entry in _attempts)
            {
                if (IsForgotten(entry.Value, now, lockout.Period))
                {
                    // Removed only if unchanged since it was read, so a failure counted meanwhile stays.
                    _attempts.TryRemove(entry);
                }
            }
        }

        return Task.FromResult(updated.LockedUntil > now);

        Attempts Next(Attempts current) => current.Failures + 1 >= lockout.MaxFailures
            ? new Attempts(current.Failures + 1, now, now + lockout.Period)
            : new Attempts(current.Failures + 1, now, null);
    }

    public Task ForgetAsync(string name, CancellationToken cancellationToken)
    {
        _attempts.TryRemove(name, out _);
        return Task.CompletedTask;
    }

    private static bool IsForgotten(Attempts attempts, DateTimeOffset now, TimeSpan period) =>
        !(attempts.LockedUntil > now) && attempts.LastFailure + period <= now;

    private sealed record Attempts(int Failures, DateTimeOffset LastFailure, DateTimeOffset? LockedUntil);
}
