namespace BotTriage.Bot.Security;

/// <summary>
/// Requests counted per key in fixed windows where every instance of the bot sees them, so a limit per client address
/// holds behind a load balancer however the requests are spread. Only PostgreSQL, the store several instances share,
/// has one (<see cref="PostgresRateLimitCounter"/>); a single instance counts in its own memory.
/// </summary>
public interface IRateLimitCounter
{
    /// <summary>
    /// Counts one request for <paramref name="key"/> in the window that starts at <paramref name="windowStart"/> and
    /// returns how many the window holds with it. Counts of earlier windows are forgotten.
    /// </summary>
    Task<int> CountAsync(string key, DateTimeOffset windowStart, CancellationToken cancellationToken);
}
