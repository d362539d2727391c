using BotTriage.Bot.Schema;

namespace BotTriage.Bot.Builder;

/// <summary>The SDK's TurnContext: addresses replies, runs the send hooks, and buffers for <c>expectReplies</c>.</summary>
public sealed class TurnContext : ITurnContext
{
    private readonly List<SendActivitiesHandler> _onSend = [];
    private readonly List<Activity> _buffered = [];
    private readonly ConversationReference _reference;

    public TurnContext(BotAdapter adapter, Activity activity)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        ArgumentNullException.ThrowIfNull(activity);
        Adapter = adapter;
        Activity = activity;
        _reference = activity.GetConversationReference();
    }

    public BotAdapter Adapter { get; }

    public Activity Activity { get; }

    public IDictionary<string, object> TurnState { get; } = new Dictionary<string, object>(StringComparer.Ordinal);

    public bool Responded { get; private set; }

    public IReadOnlyList<Activity> BufferedReplyActivities => _buffered;

    public ITurnContext OnSendActivities(SendActivitiesHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _onSend.Add(handler);
        return this;
    }

    public async Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var responses = await SendActivitiesAsync([activity], cancellationToken).ConfigureAwait(false);
        return responses.Count > 0 ? responses[0] : new ResourceResponse();
    }

    public Task<IReadOnlyList<ResourceResponse>> SendActivitiesAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        if (activities.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<ResourceResponse>>([]);
        }

        var addressed = new Activity[activities.Count];
        for (var i = 0; i < activities.Count; i++)
        {
            addressed[i] = activities[i].ApplyConversationReference(_reference);
        }

        return RunHooksAsync(0, addressed, cancellationToken);
    }

    private Task<IReadOnlyList<ResourceResponse>> RunHooksAsync(int index, Activity[] activities, CancellationToken cancellationToken)
    {
        if (index == _onSend.Count)
        {
            return SendThroughAdapterAsync(activities, cancellationToken);
        }

        return _onSend[index](this, activities, () => RunHooksAsync(index + 1, activities, cancellationToken));
    }

    private async Task<IReadOnlyList<ResourceResponse>> SendThroughAdapterAsync(Activity[] activities, CancellationToken cancellationToken)
    {
        IReadOnlyList<ResourceResponse> responses;
        if (string.Equals(Activity.DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.Ordinal))
        {
            // The caller waits for the replies in the HTTP response, so nothing goes to the Connector.
            var buffered = new ResourceResponse[activities.Length];
            for (var i = 0; i < activities.Length; i++)
            {
                if (activities[i].IsType(ActivityTypes.InvokeResponse))
                {
                    BotAdapter.KeepInvokeResponse(this, activities[i]);
                }
                else
                {
                    _buffered.Add(activities[i]);
                }

                buffered[i] = new ResourceResponse();
            }

            responses = buffered;
        }
        else
        {
            responses = await Adapter.SendActivitiesAsync(this, activities, cancellationToken).ConfigureAwait(false);
        }

        foreach (var activity in activities)
        {
            if (!activity.IsType(ActivityTypes.Trace) && !activity.IsType(ActivityTypes.InvokeResponse))
            {
                Responded = true;
            }
        }

        return responses;
    }
}
