namespace BotTriage.Bot.Security;

/// <summary>
/// Failed sign-ins to the therapist workspace, counted per account name where every instance sees them: in the
/// database with SQLite and PostgreSQL, in this process with the memory provider. The workspace passes a digest of
/// the name, never what was typed. Failures count as "in a row" while each comes within the lockout period of the
/// one before; the failure that reaches the maximum locks the name for the lockout period. A name's count is
/// forgotten once a lockout period has passed since its last failure and its lock (if any) has ended, so the names
/// typed at the login page do not pile up.
/// </summary>
public interface ILoginFailureStore
{
    /// <summary>True while the name is locked.</summary>
    Task<bool> IsLockedAsync(string name, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Counts a failure at <paramref name="now"/>; true when the name is locked after it.</summary>
    Task<bool> RecordFailureAsync(string name, LoginLockout lockout, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Forgets the name's failures (a successful sign-in).</summary>
    Task ForgetAsync(string name, CancellationToken cancellationToken);
}

/// <summary>How many failures in a row lock a name, and for how long (also how close failures must be to count as in a row).</summary>
public readonly record struct LoginLockout(int MaxFailures, TimeSpan Period);
