using System.Text.Json;
using BotTriage.Bot.Schema;
using BotTriage.Bot.State;
using BotTriage.Bot.Transcripts;
using Microsoft.Extensions.Logging;

namespace BotTriage.Bot.Builder;

/// <summary>
/// The SDK's TranscriptLoggerMiddleware with BotTriage's consent rule. It records the incoming activity (role
/// <c>user</c>) and every activity sent through the turn context (role <c>bot</c>, with the id the channel gave it),
/// stamps a missing <c>timestamp</c>, and at the end of the turn does what the bot decided
/// (<see cref="TurnStateKeys.TranscriptDecision"/>, <see cref="TranscriptDecision.Hold"/> when it decided nothing):
/// <list type="bullet">
/// <item>Hold: before the consent answer nothing may be durable, so the activities wait in the volatile cache.</item>
/// <item>Keep: consent given; the held activities and this turn's are appended to the store, awaited, in order.</item>
/// <item>Discard: consent declined or data erased; held and current activities are dropped.</item>
/// <item>Ignore: a message delivered again after it was applied; nothing of this turn is recorded, held ones stay.</item>
/// </list>
/// A failed turn writes nothing (the exception passes through before the flush).
/// </summary>
public sealed class TranscriptLoggerMiddleware(
    ITranscriptStore store,
    IVolatileConversationStore volatileCache,
    TimeProvider timeProvider,
    ILogger<TranscriptLoggerMiddleware> logger) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate nextTurn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(nextTurn);
        var incoming = turnContext.Activity;
        var entries = new List<Activity> { Stamp(incoming, RoleTypes.User, null) };

        turnContext.OnSendActivities(async (_, activities, sendNext) =>
        {
            var responses = await sendNext().ConfigureAwait(false);
            lock (entries)
            {
                for (var i = 0; i < activities.Count; i++)
                {
                    entries.Add(Stamp(activities[i], RoleTypes.Bot, i < responses.Count ? responses[i].Id : null));
                }
            }

            return responses;
        });

        await nextTurn(cancellationToken).ConfigureAwait(false);

        var channelId = incoming.ChannelId ?? "";
        var conversationId = incoming.Conversation?.Id ?? "";
        var key = ConversationKeys.Conversation(channelId, conversationId);
        var decision = turnContext.TurnState.TryGetValue(TurnStateKeys.TranscriptDecision, out var value) && value is TranscriptDecision decided
            ? decided
            : TranscriptDecision.Hold;
        List<Activity> turn;
        lock (entries)
        {
            turn = [.. entries];
        }

        switch (decision)
        {
            case TranscriptDecision.Keep:
                var held = await volatileCache.TakePendingTranscriptAsync(key, cancellationToken).ConfigureAwait(false);
                List<Activity> kept = [.. held, .. turn];

                // One document for the turn's activities: each is an element of it, serialized once.
                var all = new List<JsonElement>(kept.Count);
                foreach (var element in JsonSerializer.SerializeToElement(kept, BotJsonContext.Default.IReadOnlyListActivity).EnumerateArray())
                {
                    all.Add(element);
                }

                await store.AppendAsync(channelId, conversationId, all, cancellationToken).ConfigureAwait(false);
                BuilderLog.TranscriptFlushed(logger, channelId, conversationId, decision, all.Count);
                break;
            case TranscriptDecision.Hold:
                await volatileCache.HoldTranscriptAsync(key, turn, cancellationToken).ConfigureAwait(false);
                BuilderLog.TranscriptFlushed(logger, channelId, conversationId, decision, turn.Count);
                break;
            case TranscriptDecision.Ignore:
                BuilderLog.TranscriptFlushed(logger, channelId, conversationId, decision, 0);
                break;
            default:
                await volatileCache.TakePendingTranscriptAsync(key, cancellationToken).ConfigureAwait(false);
                BuilderLog.TranscriptFlushed(logger, channelId, conversationId, decision, 0);
                break;
        }
    }

    private Activity Stamp(Activity activity, string defaultRole, string? sentId)
    {
        // Activities without an id broke the SDK's blob transcript store (botbuilder-dotnet#4734): always give one.
        var sender = activity.From ?? new ChannelAccount();
        return activity with
        {
            Id = activity.Id ?? sentId ?? Guid.NewGuid().ToString("N"),
            Timestamp = activity.Timestamp ?? timeProvider.GetUtcNow(),
            From = sender.Role is null ? sender with { Role = defaultRole } : sender,
        };
    }
}
