using BotTriage.Bot.Connector;
using BotTriage.Bot.Schema;

namespace BotTriage.Bot.Builder;

/// <summary>
/// The adapter behind <c>POST /api/messages</c> (the SDK's CloudAdapter without the HTTP and auth parts, which the
/// endpoint does first): runs an authenticated activity through the pipeline, then answers with the invoke response,
/// the buffered <c>expectReplies</c> replies, or plain 200 once the replies went to the Connector. <c>trace</c>
/// activities only go to the Emulator, as in the SDK.
/// </summary>
public sealed class ChannelAdapter : BotAdapter
{
    private readonly ConnectorClient _connector;

    public ChannelAdapter(ConnectorClient connector, TurnErrorHandler errorHandler, IEnumerable<IMiddleware> middleware)
    {
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(errorHandler);
        ArgumentNullException.ThrowIfNull(middleware);
        _connector = connector;
        OnTurnError = errorHandler.HandleAsync;
        foreach (var item in middleware)
        {
            Use(item);
        }
    }

    public async Task<TurnResponse> ProcessActivityAsync(Activity activity, IBot bot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(bot);
        var turnContext = new TurnContext(this, activity);
        await RunPipelineAsync(turnContext, bot.OnTurnAsync, cancellationToken).ConfigureAwait(false);
        if (turnContext.TurnState.ContainsKey(TurnStateKeys.StorageUnavailable))
        {
            return TurnResponse.ServiceUnavailable;
        }

        if (activity.IsType(ActivityTypes.Invoke))
        {
            var invoke = turnContext.TurnState.TryGetValue(TurnStateKeys.InvokeResponse, out var value) && value is InvokeResponse kept
                ? kept
                : new InvokeResponse(501);
            return new TurnResponse(invoke.Status, Invoke: invoke);
        }

        if (string.Equals(activity.DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.Ordinal))
        {
            var replies = new List<Activity>(turnContext.BufferedReplyActivities.Count);
            foreach (var reply in turnContext.BufferedReplyActivities)
            {
                if (IsDeliverable(reply))
                {
                    replies.Add(reply);
                }
            }

            return new TurnResponse(200, new ExpectedReplies(replies));
        }

        return TurnResponse.Ok;
    }

    protected override async Task<ResourceResponse> DeliverAsync(Activity activity, CancellationToken cancellationToken) =>
        IsDeliverable(activity) ? await _connector.SendAsync(activity, cancellationToken).ConfigureAwait(false) : new ResourceResponse();

    private static bool IsDeliverable(Activity activity) =>
        !activity.IsType(ActivityTypes.Trace) || string.Equals(activity.ChannelId, Channels.Emulator, StringComparison.Ordinal);
}
