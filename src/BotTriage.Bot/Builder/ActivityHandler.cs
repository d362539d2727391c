using System.Text.Json;
using BotTriage.Bot.Schema;

namespace BotTriage.Bot.Builder;

/// <summary>
/// The SDK's ActivityHandler: dispatches a turn by activity type to a virtual method. Members added or removed are
/// passed on only when they are not the bot itself (compared with <c>recipient.id</c>, A7510); an <c>invoke</c>
/// nobody handles answers 501; unknown types are ignored (A2014).
/// </summary>
public abstract class ActivityHandler : IBot
{
    public virtual async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        switch (activity.Type)
        {
            case ActivityTypes.Message:
                await OnMessageActivityAsync(turnContext, cancellationToken).ConfigureAwait(false);
                break;
            case ActivityTypes.ConversationUpdate:
                await OnConversationUpdateActivityAsync(turnContext, cancellationToken).ConfigureAwait(false);
                break;
            case ActivityTypes.Event:
                await OnEventActivityAsync(turnContext, cancellationToken).ConfigureAwait(false);
                break;
            case ActivityTypes.Invoke:
                var response = await OnInvokeActivityAsync(turnContext, cancellationToken).ConfigureAwait(false);
                if (!turnContext.TurnState.ContainsKey(TurnStateKeys.InvokeResponse))
                {
                    await turnContext.SendActivityAsync(
                        new Activity
                        {
                            Type = ActivityTypes.InvokeResponse,
                            Value = JsonSerializer.SerializeToElement(response, BotJsonContext.Default.InvokeResponse),
                        },
                        cancellationToken).ConfigureAwait(false);
                }

                break;
            case ActivityTypes.Typing:
                await OnTypingActivityAsync(turnContext, cancellationToken).ConfigureAwait(false);
                break;
            case ActivityTypes.EndOfConversation:
                await OnEndOfConversationActivityAsync(turnContext, cancellationToken).ConfigureAwait(false);
                break;
            case ActivityTypes.InstallationUpdate:
                await OnInstallationUpdateActivityAsync(turnContext, cancellationToken).ConfigureAwait(false);
                break;
            default:
                await OnUnrecognizedActivityTypeAsync(turnContext, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    protected virtual Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task OnConversationUpdateActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        var added = OthersThanTheBot(activity.MembersAdded, activity.Recipient);
        if (added.Count > 0)
        {
            return OnMembersAddedAsync(added, turnContext, cancellationToken);
        }

        var removed = OthersThanTheBot(activity.MembersRemoved, activity.Recipient);
        return removed.Count > 0 ? OnMembersRemovedAsync(removed, turnContext, cancellationToken) : Task.CompletedTask;
    }

    protected virtual Task OnMembersAddedAsync(IReadOnlyList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task OnMembersRemovedAsync(IReadOnlyList<ChannelAccount> membersRemoved, ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Events whose name the bot does not know are ignored (A5002).</summary>
    protected virtual Task OnEventActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The answer to an <c>invoke</c>; 501 unless a bot handles the name.</summary>
    protected virtual Task<InvokeResponse> OnInvokeActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        Task.FromResult(new InvokeResponse(501));

    protected virtual Task OnTypingActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task OnEndOfConversationActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task OnInstallationUpdateActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task OnUnrecognizedActivityTypeAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    private static List<ChannelAccount> OthersThanTheBot(IReadOnlyList<ChannelAccount>? members, ChannelAccount? bot)
    {
        var others = new List<ChannelAccount>();
        foreach (var member in members ?? [])
        {
            if (!string.Equals(member.Id, bot?.Id, StringComparison.Ordinal))
            {
                others.Add(member);
            }
        }

        return others;
    }
}
