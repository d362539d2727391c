using System.Text.Json;
using BotTriage.Bot.Schema;
using BotTriage.Bot.Storage;
using Microsoft.Extensions.Logging;

namespace BotTriage.Bot.Builder;

/// <summary>
/// The <see cref="BotAdapter.OnTurnError"/> of the SDK template (AdapterWithErrorHandler): logs the failure without
/// the user's text, tells the user something went wrong in the conversation's language, and sends a <c>trace</c>
/// that only the Emulator shows. The conversation's state is not touched: the failed turn saved nothing.
/// When the state store could not be reached the turn is not apologised for but answered 503
/// (<see cref="TurnStateKeys.StorageUnavailable"/>): the channel retries it once the store is back.
/// </summary>
public sealed class TurnErrorHandler(ILogger<TurnErrorHandler> logger)
{
    private const string Dutch = "Er ging aan onze kant iets mis. Probeer het zo nog eens.";
    private const string English = "Something went wrong on our side. Please try again in a moment.";

    public async Task HandleAsync(ITurnContext turnContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(exception);
        var activity = turnContext.Activity;
        if (FindUnavailable(exception) is { } unavailable)
        {
            BuilderLog.StorageUnavailable(logger, activity.ChannelId, activity.Conversation?.Id, unavailable.Message);
            turnContext.TurnState[TurnStateKeys.StorageUnavailable] = true;
            return;
        }

        BuilderLog.TurnFailed(logger, exception, activity.Type, activity.Id, activity.ChannelId, activity.Conversation?.Id);

        // Nobody reads a reply to these; the channel only wants the HTTP status.
        if (activity.IsType(ActivityTypes.Invoke) || activity.IsType(ActivityTypes.ConversationUpdate) && !turnContext.Responded)
        {
            return;
        }

        try
        {
            var culture = turnContext.TurnState.TryGetValue(TurnStateKeys.Culture, out var known) ? known as string : null;
            culture ??= CultureNames.FromLocale(activity.Locale);
            var apology = Activity.CreateMessageActivity(culture == CultureNames.English ? English : Dutch);
            var trace = Activity.CreateTraceActivity(
                "OnTurnError Trace",
                JsonSerializer.SerializeToElement(exception.GetType().Name, BotJsonContext.Default.String),
                "https://www.botframework.com/schemas/error",
                "TurnError");
            await turnContext.SendActivitiesAsync([apology, trace], cancellationToken).ConfigureAwait(false);
        }
        catch (Exception sendFailure) when (sendFailure is not OperationCanceledException)
        {
            BuilderLog.ApologyFailed(logger, activity.Conversation?.Id, sendFailure.GetType().Name);
        }
    }

    private static StorageUnavailableException? FindUnavailable(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is StorageUnavailableException unavailable)
            {
                return unavailable;
            }
        }

        return null;
    }
}
