using System.Text.Json;
using BotTriage.Bot.Schema;

namespace BotTriage.Bot.Builder;

/// <summary>
/// Runs turns: middleware, then the bot, inside one error boundary (<see cref="OnTurnError"/>); and delivers
/// the activities a turn sends. Concrete adapters deliver to a channel (HTTP) or to a test queue.
/// </summary>
public abstract class BotAdapter
{
    /// <summary>The middleware every turn runs through, outermost first.</summary>
    public MiddlewareSet MiddlewareSet { get; } = new();

    /// <summary>Called with the exception when a turn fails; when null the exception propagates.</summary>
    public Func<ITurnContext, Exception, CancellationToken, Task>? OnTurnError { get; set; }

    public BotAdapter Use(IMiddleware middleware)
    {
        MiddlewareSet.Use(middleware);
        return this;
    }

    /// <summary>
    /// Delivers activities that were addressed by the turn context, in order; an <c>invokeResponse</c> is kept for the
    /// HTTP answer instead of being sent.
    /// </summary>
    public async Task<IReadOnlyList<ResourceResponse>> SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(activities);
        var responses = new ResourceResponse[activities.Count];
        for (var i = 0; i < activities.Count; i++)
        {
            var activity = activities[i];
            if (activity.IsType(ActivityTypes.InvokeResponse))
            {
                KeepInvokeResponse(turnContext, activity);
                responses[i] = new ResourceResponse();
            }
            else
            {
                responses[i] = await DeliverAsync(activity, cancellationToken).ConfigureAwait(false);
            }
        }

        return responses;
    }

    /// <summary>Delivers one activity to wherever this adapter sends (a channel, a test queue).</summary>
    protected abstract Task<ResourceResponse> DeliverAsync(Activity activity, CancellationToken cancellationToken);

    /// <summary>Keeps an <c>invokeResponse</c> pseudo-activity for the HTTP answer instead of sending it.</summary>
    public static void KeepInvokeResponse(ITurnContext turnContext, Activity invokeResponse)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(invokeResponse);
        if (invokeResponse.Value is { } value && value.ValueKind == JsonValueKind.Object)
        {
            turnContext.TurnState[TurnStateKeys.InvokeResponse] = value.Deserialize(BotJsonContext.Default.InvokeResponse)!;
        }
    }

    /// <summary>Runs the middleware and the bot; an exception goes to <see cref="OnTurnError"/> when set.</summary>
    protected async Task RunPipelineAsync(ITurnContext turnContext, BotCallbackHandler? callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);

        // The SDK sets the thread culture from the activity's locale here; BotTriage formats with an explicit culture
        // instead, so the thread culture is left alone.
        try
        {
            await MiddlewareSet.ReceiveActivityAsync(turnContext, callback, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (OnTurnError is not null && exception is not OperationCanceledException)
        {
            await OnTurnError(turnContext, exception, cancellationToken).ConfigureAwait(false);
        }
    }
}
