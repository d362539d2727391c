namespace BotTriage.Bot.State;

/// <summary>
/// Serialises the turns of one conversation across every instance that shares the state store. The in-process
/// <see cref="KeyedAsyncLock"/> orders an instance's own turns first, so each instance holds at most one shared
/// lock per conversation at a time.
/// </summary>
public interface ISharedTurnLock
{
    /// <summary>Waits until no other instance runs a turn of <paramref name="key"/>; dispose the result to let them.</summary>
    Task<IAsyncDisposable> AcquireAsync(string key, CancellationToken cancellationToken);
}
