namespace BotTriage.Bot.State;

/// <summary>The <see cref="ISharedTurnLock"/> of the in-memory store: nothing to share, and nothing to commit.</summary>
public sealed class NoSharedTurnLock : ISharedTurnLock
{
    public static NoSharedTurnLock Instance { get; } = new();

    public Task RunAsync(string key, Func<CancellationToken, Task> turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn(cancellationToken);
    }
}
