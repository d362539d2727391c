using BotTriage.Bot.State;

namespace BotTriage.Bot.Builder;

/// <summary>
/// Runs the turns of one conversation one at a time, in arrival order, in this process: two messages sent at once
/// are both applied, the second seeing the first's state, and their transcript entries stay in order. Across
/// processes the ETag check on save does the same job (see <c>TriageBot</c>). Goes first in the pipeline.
/// </summary>
public sealed class ConversationTurnLockMiddleware(KeyedAsyncLock locks) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate nextTurn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(nextTurn);
        var activity = turnContext.Activity;
        var key = ConversationKeys.Conversation(activity.ChannelId ?? "", activity.Conversation?.Id ?? "");
        using (await locks.AcquireAsync(key, cancellationToken).ConfigureAwait(false))
        {
            await nextTurn(cancellationToken).ConfigureAwait(false);
        }
    }
}
