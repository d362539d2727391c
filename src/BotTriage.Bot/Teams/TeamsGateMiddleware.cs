using BotTriage.Bot.Builder;
using BotTriage.Bot.Schema;
using Microsoft.Extensions.Logging;

namespace BotTriage.Bot.Teams;

/// <summary>
/// The door for Teams activities, placed before the transcript logger: an activity from a tenant outside
/// <c>Teams:AllowedTenants</c>, or from a group chat or channel, never reaches the bot, so no state and no
/// transcript is written for it. A message (or the install that adds the bot) gets a short bilingual answer: a
/// polite refusal for another organisation, the way to a personal chat for a group. Other channels pass untouched.
/// </summary>
public sealed class TeamsGateMiddleware(TenantAllowList allowList, ILogger<TeamsGateMiddleware> logger) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate nextTurn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(nextTurn);
        var activity = turnContext.Activity;
        if (!TeamsActivity.IsTeams(activity))
        {
            await nextTurn(cancellationToken).ConfigureAwait(false);
            return;
        }

        var tenantId = TeamsActivity.TenantId(activity);
        string answer;
        string reason;
        if (!allowList.IsAllowed(tenantId))
        {
            answer = TeamsTexts.TenantRefused;
            reason = "tenant not allowed";
        }
        else if (!TeamsActivity.IsPersonal(activity))
        {
            answer = TeamsTexts.PersonalChatOnly;
            reason = "not a personal chat";
        }
        else
        {
            await nextTurn(cancellationToken).ConfigureAwait(false);
            return;
        }

        TeamsLog.Refused(logger, activity.Type, activity.Conversation?.Id, tenantId, reason);
        if (activity.IsType(ActivityTypes.Message) || (activity.IsType(ActivityTypes.ConversationUpdate) && TeamsActivity.AddsTheBot(activity)))
        {
            await turnContext.SendActivityAsync(Activity.CreateMessageActivity(answer), cancellationToken).ConfigureAwait(false);
        }
    }
}
