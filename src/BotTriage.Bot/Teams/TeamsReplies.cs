using BotTriage.Bot.Builder;
using BotTriage.Bot.Schema;
using BotTriage.Bot.State;
using BotTriage.Core.Triage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BotTriage.Bot.Teams;

/// <summary>
/// Shapes a turn's replies for Teams, after the bot built them as for any channel (one message per reply, its
/// choices as <c>imBack</c> suggested actions, then the outcome event):
/// <list type="bullet">
/// <item>the welcome says who reads the conversation (the practice's therapists, never the employer) and offers the other language;</item>
/// <item>more than three choices become an Adaptive Card 1.5 of <c>Action.Submit</c> buttons, since Teams shows only three suggested actions;</item>
/// <item>the result message carries the result card, with the workplace's own partners where they apply;</item>
/// <item>a message with an attachment has no suggested actions (Teams does not show them there);</item>
/// <item>every activity is tagged with the tenant in <c>channelData</c>, so a transcript shows it was a workplace conversation;</item>
/// <item>a language the person chose explicitly is kept for them, because Teams often sends no locale.</item>
/// </list>
/// Activities of other channels are returned unchanged.
/// </summary>
public sealed class TeamsReplies(
    IOptions<TeamsOptions> options,
    ITeamsResultCard resultCard,
    ConversationStateStore conversations,
    ILogger<TeamsReplies> logger)
{
    /// <summary>The most suggested actions Teams shows.</summary>
    public const int MaxSuggestedActions = 3;

    /// <param name="turnContext">The turn.</param>
    /// <param name="result">What the engine produced; <paramref name="replies"/> starts with one message per reply of it, in order.</param>
    /// <param name="before">The state before the turn, or null when the turn started the conversation.</param>
    /// <param name="replies">The activities the bot is about to send.</param>
    /// <param name="cancellationToken">Cancels the language save.</param>
    public async Task<IReadOnlyList<Activity>> AdaptAsync(ITurnContext turnContext, TurnResult result, TriageState? before, IReadOnlyList<Activity> replies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(replies);
        var incoming = turnContext.Activity;
        if (!TeamsActivity.IsTeams(incoming))
        {
            return replies;
        }

        var tenantId = TeamsActivity.TenantId(incoming);
        var workplace = tenantId is not null && options.Value.Workplaces.TryGetValue(tenantId, out var found) ? found : null;
        var isWelcome = before is null && result.State.Turn == 0;
        var lastWithChoices = LastIndexWithChoices(result.Replies);

        var adapted = new List<Activity>(replies.Count);
        for (var i = 0; i < replies.Count; i++)
        {
            var activity = replies[i];
            var reply = i < result.Replies.Count && activity.IsType(ActivityTypes.Message) ? result.Replies[i] : null;
            if (reply is not null)
            {
                activity = Shape(activity, reply, result.State, isWelcome && i == 0 ? workplace : null, isWelcome && i == 0, isWelcome && i == lastWithChoices, workplace);
            }

            if (tenantId is not null)
            {
                activity = activity with { ChannelData = TeamsActivity.TenantChannelData(tenantId) };
            }

            adapted.Add(activity);
        }

        await RememberLanguageChoiceAsync(incoming, result, before, cancellationToken).ConfigureAwait(false);
        return adapted;
    }

    private Activity Shape(Activity message, Reply reply, TriageState state, WorkplaceOptions? welcomeWorkplace, bool addPrivacyNote, bool offerLanguage, WorkplaceOptions? workplace)
    {
        var culture = state.Culture;
        var labels = reply.Choices.Select(c => c.Label).ToList();
        if (offerLanguage)
        {
            labels.Add(TeamsTexts.OtherLanguageChoice(culture));
        }

        if (addPrivacyNote)
        {
            var note = TeamsTexts.PrivacyNote(culture, welcomeWorkplace?.EmployerName);
            message = message with { Text = string.IsNullOrEmpty(message.Text) ? note : message.Text + "\n\n" + note };
        }

        var attachments = new List<Attachment>(message.Attachments ?? []);
        if (reply.IsOutcome && state.Outcome is { } outcome)
        {
            // The Teams card, with the workplace's own partners, takes the place of the practice's result card.
            attachments.RemoveAll(a => string.Equals(a.ContentType, CardJson.AdaptiveCardContentType, StringComparison.Ordinal));
            var card = resultCard.Create(outcome, culture, workplace);
            attachments.Add(labels.Count > 0 ? ChoiceCard.WithSubmitActions(card, labels) : card);
            labels.Clear();
        }
        else if (labels.Count > MaxSuggestedActions || (labels.Count > 0 && attachments.Count > 0))
        {
            attachments.Add(ChoiceCard.Create(TeamsTexts.ChooseAnAnswer(culture), labels));
            labels.Clear();
        }

        return message with
        {
            Attachments = attachments.Count > 0 ? attachments : null,
            SuggestedActions = labels.Count > 0 && attachments.Count == 0
                ? new SuggestedActions { Actions = [.. labels.Select(CardAction.ImBack)] }
                : null,
        };
    }

    /// <summary>Teams often sends no locale, so a language switched to in words is kept for the person's next conversations.</summary>
    private async Task RememberLanguageChoiceAsync(Activity incoming, TurnResult result, TriageState? before, CancellationToken cancellationToken)
    {
        if (before is null || result.EraseRequested || before.Culture == result.State.Culture
            || incoming.From?.Id is not { } userId || incoming.ChannelId is not { } channelId)
        {
            return;
        }

        await conversations.SaveUserCultureAsync(channelId, userId, result.State.Culture, cancellationToken).ConfigureAwait(false);
        TeamsLog.LanguageChosen(logger, result.State.Culture, incoming.Conversation?.Id);
    }

    private static int LastIndexWithChoices(System.Collections.Immutable.ImmutableList<Reply> replies)
    {
        for (var i = replies.Count - 1; i >= 0; i--)
        {
            if (!replies[i].Choices.IsEmpty)
            {
                return i;
            }
        }

        return replies.Count - 1;
    }
}
