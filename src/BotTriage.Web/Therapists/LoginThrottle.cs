using System.Security.Cryptography;
using System.Text;
using BotTriage.Bot.Security;
using Microsoft.Extensions.Options;

namespace BotTriage.Web.Therapists;

/// <summary>
/// Locks an account name after <see cref="TherapistOptions.MaxFailedAttempts"/> failed logins in a row, for
/// <see cref="TherapistOptions.LockoutMinutes"/>; also for names that do not exist, so a lockout says nothing about
/// which accounts there are. Failures count as "in a row" while each comes within <see cref="TherapistOptions.LockoutMinutes"/>
/// of the one before, and are forgotten that long after the last (and once the lock has ended).
/// </summary>
/// <remarks>
/// The counts are in <see cref="ILoginFailureStore"/>: in the database with SQLite and PostgreSQL, so a restart keeps
/// a lock and every instance behind one endpoint counts the same failures. Names are counted case-insensitively,
/// under a SHA-256 digest: whatever was typed as a name (a password in the wrong field, say) is not stored.
/// </remarks>
public sealed class LoginThrottle(ILoginFailureStore store, IOptions<TherapistOptions> options, TimeProvider timeProvider)
{
    public Task<bool> IsLockedAsync(string userName, CancellationToken cancellationToken) =>
        store.IsLockedAsync(Digest(userName), timeProvider.GetUtcNow(), cancellationToken);

    /// <summary>Counts a failure; true when the account is now locked.</summary>
    public Task<bool> RecordFailureAsync(string userName, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var lockout = new LoginLockout(settings.MaxFailedAttempts, TimeSpan.FromMinutes(settings.LockoutMinutes));
        return store.RecordFailureAsync(Digest(userName), lockout, timeProvider.GetUtcNow(), cancellationToken);
    }

    public Task RecordSuccessAsync(string userName, CancellationToken cancellationToken) =>
        store.ForgetAsync(Digest(userName), cancellationToken);

    /// <summary>The key a name is counted under: the same for every spelling that differs only in case.</summary>
    internal static string Digest(string userName)
    {
        ArgumentNullException.ThrowIfNull(userName);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("bottriage-login:" + userName.ToUpperInvariant())));
    }
}
