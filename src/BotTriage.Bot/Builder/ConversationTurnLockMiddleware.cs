using BotTriage.Bot.State;

namespace BotTriage.Bot.Builder;

/// <summary>
/// Runs the turns of one conversation one at a time, in arrival order, in this process: two messages sent at once
/// are both applied, the second seeing the first's state, and their transcript entries stay in order. Across
/// instances on a shared store the <see cref="ISharedTurnLock"/> does the same, taken after the in-process lock (on
/// PostgreSQL and SQLite it also makes the turn's writes one transaction); the ETag check on save (see
/// <c>TriageBot</c>) remains the safety net. Goes first in the pipeline.
/// </summary>
public sealed class ConversationTurnLockMiddleware(KeyedAsyncLock locks, ISharedTurnLock sharedLock) : IMiddleware
{
    public ConversationTurnLockMiddleware(KeyedAsyncLock locks)
        : this(locks, NoSharedTurnLock.Instance)
    {
    }

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate nextTurn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(nextTurn);
        var activity = turnContext.Activity;
        var key = ConversationKeys.Conversation(activity.ChannelId ?? "", activity.Conversation?.Id ?? "");
        using (await locks.AcquireAsync(key, cancellationToken).ConfigureAwait(false))
        {
            await sharedLock.RunAsync(key, ct => nextTurn(ct), cancellationToken).ConfigureAwait(false);
        }
    }
}
