using BotTriage.Bot.Schema;

namespace BotTriage.Bot.Builder;

/// <summary>
/// A hook on outgoing activities (SDK <c>OnSendActivities</c>): sees the addressed activities, calls
/// <paramref name="next"/> to send them, and gets the channel's answers.
/// </summary>
public delegate Task<IReadOnlyList<ResourceResponse>> SendActivitiesHandler(
    ITurnContext turnContext,
    IReadOnlyList<Activity> activities,
    Func<Task<IReadOnlyList<ResourceResponse>>> next);
