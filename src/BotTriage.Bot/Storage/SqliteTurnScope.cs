using BotTriage.Bot.State;

namespace BotTriage.Bot.Storage;

/// <summary>
/// The <see cref="ISharedTurnLock"/> of the SQLite provider. SQLite serves one instance, so there is nothing to lock
/// across instances; the scope makes the turn one unit of work instead: its state, session and transcript writes
/// are collected and committed as one write of the writer queue at the end of the turn, all or nothing, before the
/// replies leave (see <see cref="SqliteDatabase.RunTurnAsync"/>).
/// </summary>
public sealed class SqliteTurnScope(SqliteDatabase database) : ISharedTurnLock
{
    public Task RunAsync(string key, Func<CancellationToken, Task> turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(turn);
        return database.RunTurnAsync(turn, cancellationToken);
    }
}
