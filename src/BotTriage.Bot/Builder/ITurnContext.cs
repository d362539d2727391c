using BotTriage.Bot.Schema;

namespace BotTriage.Bot.Builder;

/// <summary>One turn: the incoming activity, a per-turn state bag, and the way to reply.</summary>
public interface ITurnContext
{
    BotAdapter Adapter { get; }

    /// <summary>The incoming activity, with <c>callerId</c> set by the host after authentication.</summary>
    Activity Activity { get; }

    /// <summary>Values shared by middleware and the bot for this turn only.</summary>
    IDictionary<string, object> TurnState { get; }

    /// <summary>True once a non-trace activity was sent in this turn.</summary>
    bool Responded { get; }

    /// <summary>Replies kept for the HTTP response when the incoming activity asked for <c>expectReplies</c>.</summary>
    IReadOnlyList<Activity> BufferedReplyActivities { get; }

    /// <summary>Adds a hook that runs, in registration order, whenever activities are sent.</summary>
    ITurnContext OnSendActivities(SendActivitiesHandler handler);

    Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken);

    /// <summary>Addresses the activities as replies to the incoming one and sends them in order.</summary>
    Task<IReadOnlyList<ResourceResponse>> SendActivitiesAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken);
}
