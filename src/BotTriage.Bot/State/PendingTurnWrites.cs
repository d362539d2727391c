namespace BotTriage.Bot.State;

/// <summary>
/// A store that keeps a turn's writes back to commit them together at the end of the turn (SQLite) registers here
/// how to commit them early. Whatever leaves the process during a turn (a reply sent to the Connector) first calls
/// <see cref="CommitAsync"/>, so a turn's writes are always durable before its replies are sent.
/// </summary>
public static class PendingTurnWrites
{
    private static readonly AsyncLocal<Func<CancellationToken, Task>?> Commit = new();

    /// <summary>Commits the running turn's pending writes, if a store holds any; completes at once otherwise.</summary>
    public static Task CommitAsync(CancellationToken cancellationToken) =>
        Commit.Value is { } commit ? commit(cancellationToken) : Task.CompletedTask;

    /// <summary>Sets the commit of the turn running on this async flow; null when it ends.</summary>
    internal static void Register(Func<CancellationToken, Task>? commit) => Commit.Value = commit;
}
