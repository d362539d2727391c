using BotTriage.Bot.Hosting;
using BotTriage.Bot.State;
using Microsoft.Extensions.Options;

namespace BotTriage.Bot.Storage.Postgres;

/// <summary>
/// <see cref="ISharedTurnLock"/> on PostgreSQL: the turn runs inside one transaction that holds a transaction-level
/// advisory lock on a 64-bit hash of the conversation key. Everything the turn stores commits with it at the end,
/// or not at all; when an instance dies mid-turn its session ends, the server rolls back and the lock is free.
/// </summary>
public sealed class PostgresTurnLock(PostgresDatabase database, IOptions<BotOptions> options) : ISharedTurnLock
{
    private readonly TimeSpan _volatileExpiration = TimeSpan.FromMinutes(options.Value.UnconsentedExpirationMinutes);

    public Task RunAsync(string key, Func<CancellationToken, Task> turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(turn);
        return database.RunTurnAsync(key, _volatileExpiration, turn, cancellationToken);
    }
}
