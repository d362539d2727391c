using System.Collections.Immutable;
using System.Text.Json;
using BotTriage.Bot.Builder;
using BotTriage.Bot.Cards;
using BotTriage.Bot.Hosting;
using BotTriage.Bot.Schema;
using BotTriage.Bot.Sessions;
using BotTriage.Bot.State;
using BotTriage.Bot.Storage;
using BotTriage.Bot.Teams;
using BotTriage.Bot.Transcripts;
using BotTriage.Core.Triage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BotTriage.Bot.Triage;

/// <summary>
/// The triage bot. A message is one engine step on the conversation's stored state; the first message of a
/// conversation that has no state yet gets the welcome instead, and its text is not read as an answer (the person
/// has not been asked anything yet: typically "hoi" on Web Chat, which sends no membersAdded welcome). A
/// <c>conversationUpdate</c> adding someone other than the bot, or the Web Chat <c>webchat/join</c> event, welcomes
/// once per conversation.
/// <para>
/// Order within a turn: load (with ETag), step, save, and only then send. When another instance saved the
/// conversation in between, the save fails on the ETag and the turn is re-run on the fresh state before anything
/// was sent, so no message is lost or answered twice. (On PostgreSQL and SQLite the turn's writes are committed
/// together at its end, and the turn lock keeps other turns of the conversation out until then; a conflict there
/// fails the turn, which stores nothing.) Replies carry the choices as <c>imBack</c> suggested actions
/// (on Teams, <see cref="TeamsReplies"/> turns more than three into a card); a turn with a result also sends the
/// <c>bottriage.outcome</c> event, and its result reply carries the <see cref="TriageResultCards"/> card on channels
/// that show cards. A choice pressed on a card is read from the message's value (<see cref="SubmittedAnswer"/>).
/// </para>
/// </summary>
public sealed class TriageBot(
    ITriageEngine engine,
    ConversationStateStore conversations,
    ITranscriptStore transcripts,
    SessionRecorder sessionRecorder,
    TimeProvider timeProvider,
    IOptions<BotOptions> options,
    TeamsReplies teamsReplies,
    TriageResultCards resultCards,
    ILogger<TriageBot> logger) : ActivityHandler
{
    public const string OutcomeEventName = "bottriage.outcome";
    public const string WebChatJoinEventName = "webchat/join";

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        await base.OnTurnAsync(turnContext, cancellationToken).ConfigureAwait(false);

        // Turns that did not touch the triage (typing, unknown types, ...) are logged like the conversation's others.
        if (!turnContext.TurnState.ContainsKey(TurnStateKeys.TranscriptDecision))
        {
            var (channelId, conversationId) = Ids(turnContext.Activity);
            var stored = await conversations.LoadAsync(channelId, conversationId, cancellationToken).ConfigureAwait(false);
            turnContext.TurnState[TurnStateKeys.TranscriptDecision] = DecideTranscript(stored?.State);
        }
    }

    protected override async Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var (channelId, conversationId) = Ids(activity);
        var userId = activity.From?.Id;
        var maxAttempts = options.Value.MaxTurnAttempts;

        for (var attempt = 1; ; attempt++)
        {
            var stored = await conversations.LoadAsync(channelId, conversationId, cancellationToken).ConfigureAwait(false);
            if (stored is not null && activity.Id is { Length: > 0 } messageId && string.Equals(stored.State.LastMessageId, messageId, StringComparison.Ordinal))
            {
                // Its replies went out when it was applied; the channel only missed our answer.
                TriageBotLog.Redelivered(logger, channelId, conversationId);
                turnContext.TurnState[TurnStateKeys.TranscriptDecision] = TranscriptDecision.Ignore;
                return;
            }

            TurnResult result;
            var today = DateOnly.FromDateTime(timeProvider.GetLocalNow().DateTime);
            if (stored is null)
            {
                var culture = await ChooseCultureAsync(activity, cancellationToken).ConfigureAwait(false);
                result = engine.Start(culture);
                TriageBotLog.Welcomed(logger, channelId, conversationId, culture);

                // A first message is no answer to the welcome's question ("ja" gives no consent), but an emergency in it
                // ("ik heb pijn op de borst", "ik wil dood") is advised at once, as it would be at any later turn, and
                // whom the person asks for ("hallo, ik vraag dit voor mijn vader") is said and kept, the welcome's
                // question asked after it.
                var first = engine.TakeStep(result.State, SubmittedAnswer.Read(activity), today);
                if (first.State.Outcome is { Emergency: true }
                    || (first.State.OnBehalf && !result.State.OnBehalf && first.State.Answers.Count == result.State.Answers.Count && first.State.Step == result.State.Step))
                {
                    result = first;
                }
            }
            else
            {
                result = engine.TakeStep(stored.State, SubmittedAnswer.Read(activity), today);
            }

            if (result.EraseRequested)
            {
                await conversations.EraseAsync(channelId, conversationId, userId, cancellationToken).ConfigureAwait(false);
                await transcripts.DeleteAsync(channelId, conversationId, cancellationToken).ConfigureAwait(false);
                await sessionRecorder.EraseAsync(channelId, conversationId, cancellationToken).ConfigureAwait(false);
                TriageBotLog.Erased(logger, channelId, conversationId);
                turnContext.TurnState[TurnStateKeys.TranscriptDecision] = TranscriptDecision.Discard;
                await SendRepliesAsync(turnContext, result, stored?.State, cancellationToken).ConfigureAwait(false);
                return;
            }

            result = result with { State = result.State with { LastMessageId = activity.Id } };
            ReadOnlyMemory<byte> savedJson;
            try
            {
                savedJson = await conversations.SaveAsync(channelId, conversationId, stored, result.State, cancellationToken).ConfigureAwait(false);
            }
            catch (StorageConcurrencyException) when (attempt < maxAttempts)
            {
                TriageBotLog.Conflict(logger, conversationId, attempt);
                continue;
            }

            await sessionRecorder.RecordAsync(channelId, conversationId, userId, stored, result.State, savedJson, cancellationToken).ConfigureAwait(false);
            if (logger.IsEnabled(LogLevel.Debug))
            {
                TriageBotLog.Stepped(logger, result.State.Turn, channelId, conversationId, stored?.State.Step, result.State.Step, result.Replies.Count, result.State.ConsentGiven);
            }

            if (userId is not null && result.State.ConsentGiven && (stored is not { IsDurable: true } || stored.State.Culture != result.State.Culture))
            {
                await conversations.SaveUserCultureAsync(channelId, userId, result.State.Culture, cancellationToken).ConfigureAwait(false);
            }

            turnContext.TurnState[TurnStateKeys.TranscriptDecision] = DecideTranscript(result.State);
            await SendRepliesAsync(turnContext, result, stored?.State, cancellationToken).ConfigureAwait(false);
            return;
        }
    }

    protected override Task OnMembersAddedAsync(IReadOnlyList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken) =>
        WelcomeOnceAsync(turnContext, cancellationToken);

    protected override Task OnEventActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return string.Equals(turnContext.Activity.Name, WebChatJoinEventName, StringComparison.Ordinal)
            ? WelcomeOnceAsync(turnContext, cancellationToken)
            : Task.CompletedTask;
    }

    private static (string ChannelId, string ConversationId) Ids(Activity activity) =>
        (activity.ChannelId ?? "", activity.Conversation?.Id ?? "");

    /// <summary>Consent decides what may be durable: see <see cref="TranscriptLoggerMiddleware"/>.</summary>
    private static TranscriptDecision DecideTranscript(TriageState? state)
    {
        if (state is null || !state.Answers.TryGetValue("consent", out var consent))
        {
            return TranscriptDecision.Hold;
        }

        return consent.YesNo switch
        {
            YesNo.Yes => TranscriptDecision.Keep,
            YesNo.No => TranscriptDecision.Discard,
            _ => TranscriptDecision.Hold,
        };
    }

    private async Task WelcomeOnceAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var (channelId, conversationId) = Ids(activity);
        var stored = await conversations.LoadAsync(channelId, conversationId, cancellationToken).ConfigureAwait(false);
        if (stored is not null)
        {
            turnContext.TurnState[TurnStateKeys.TranscriptDecision] = DecideTranscript(stored.State);
            return;
        }

        var culture = await ChooseCultureAsync(activity, cancellationToken).ConfigureAwait(false);
        var result = engine.Start(culture);
        await conversations.SaveAsync(channelId, conversationId, null, result.State, cancellationToken).ConfigureAwait(false);
        TriageBotLog.Welcomed(logger, channelId, conversationId, culture);
        turnContext.TurnState[TurnStateKeys.TranscriptDecision] = DecideTranscript(result.State);
        await SendRepliesAsync(turnContext, result, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The person's stored choice, else the activity's locale (nl*/en*), else Dutch.</summary>
    private async Task<string> ChooseCultureAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.From?.Id is { } userId && activity.ChannelId is { } channelId)
        {
            var chosen = await conversations.GetUserCultureAsync(channelId, userId, cancellationToken).ConfigureAwait(false);
            if (chosen is CultureNames.Dutch or CultureNames.English)
            {
                return chosen;
            }
        }

        return CultureNames.FromLocale(activity.Locale);
    }

    private async Task SendRepliesAsync(ITurnContext turnContext, TurnResult result, TriageState? before, CancellationToken cancellationToken)
    {
        var culture = result.State.Culture;
        turnContext.TurnState[TurnStateKeys.Culture] = culture;
        var locale = CultureNames.ToCultureInfo(culture).Name;

        var activities = new List<Activity>(result.Replies.Count + 1);
        foreach (var reply in result.Replies)
        {
            var message = new Activity
            {
                Type = ActivityTypes.Message,
                Text = reply.Text,
                Locale = locale,
                SuggestedActions = reply.Choices.IsEmpty ? null : new SuggestedActions { Actions = ImBacks(reply.Choices) },
            };

            if (reply.IsOutcome && result.State.Outcome is { } shown)
            {
                message = resultCards.Present(message, shown, culture, turnContext.Activity.ChannelId);
            }

            activities.Add(message);
        }

        var outcome = result.State.Outcome;
        if (outcome is not null && (result.Replies.Any(r => r.IsOutcome) || before?.Outcome is null))
        {
            activities.Add(new Activity
            {
                Type = ActivityTypes.Event,
                Name = OutcomeEventName,
                Locale = locale,
                Value = JsonSerializer.SerializeToElement(outcome, BotJsonContext.Default.TriageOutcome),
            });
            if (logger.IsEnabled(LogLevel.Information))
            {
                var routes = string.Join(',', outcome.Routes);
                var conversationId = turnContext.Activity.Conversation?.Id ?? "";
                TriageBotLog.Outcome(logger, conversationId, outcome.Urgency, routes);
            }
        }

        var shaped = await teamsReplies.AdaptAsync(turnContext, result, before, activities, cancellationToken).ConfigureAwait(false);
        await turnContext.SendActivitiesAsync(shaped, cancellationToken).ConfigureAwait(false);
    }

    private static CardAction[] ImBacks(ImmutableList<Choice> choices)
    {
        var actions = new CardAction[choices.Count];
        for (var i = 0; i < actions.Length; i++)
        {
            actions[i] = CardAction.ImBack(choices[i].Label);
        }

        return actions;
    }
}
