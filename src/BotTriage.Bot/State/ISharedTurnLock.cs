namespace BotTriage.Bot.State;

/// <summary>
/// Serialises the turns of one conversation across every instance that shares the state store. The in-process
/// <see cref="KeyedAsyncLock"/> orders an instance's own turns first, so each instance waits for the shared lock
/// with at most one turn per conversation.
/// </summary>
public interface ISharedTurnLock
{
    /// <summary>Runs <paramref name="turn"/> once no other instance runs a turn of <paramref name="key"/>.</summary>
    Task RunAsync(string key, Func<CancellationToken, Task> turn, CancellationToken cancellationToken);
}
