using BotTriage.Bot.State;

namespace BotTriage.Bot.Storage;

/// <summary>
/// The <see cref="ISharedTurnLock"/> of SQLite. One process owns the file, so there is no other instance to lock out;
/// what it adds is that a turn's writes (state, session, transcript) are committed together at the turn's end, as one
/// piece of the database's write queue (see <see cref="SqliteDatabase.RunTurnAsync"/>).
/// </summary>
public sealed class SqliteTurnWrites(SqliteDatabase database) : ISharedTurnLock
{
    public Task RunAsync(string key, Func<CancellationToken, Task> turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return database.RunTurnAsync(turn, cancellationToken);
    }
}
