using BotTriage.Bot.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BotTriage.Bot.Builder;

/// <summary>
/// The SDK's ShowTypingMiddleware: when a turn on an incoming <c>message</c> takes longer than <c>delay</c>, sends
/// <c>typing</c> every <c>period</c> until the turn ends (channels show it for about 3 s, A6000). Typing goes straight
/// to the adapter, so it is neither a reply nor in the transcript. Not for <c>expectReplies</c>: that caller gets
/// its replies in the HTTP response and has nowhere to show an indicator.
/// </summary>
public sealed class ShowTypingMiddleware : IMiddleware
{
    private readonly TimeSpan _delay;
    private readonly TimeSpan _period;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    public ShowTypingMiddleware(TimeSpan delay, TimeSpan period, TimeProvider timeProvider, ILogger<ShowTypingMiddleware>? logger = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _delay = delay;
        _period = period;
        _timeProvider = timeProvider;
        _logger = logger ?? NullLogger<ShowTypingMiddleware>.Instance;
    }

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate nextTurn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(nextTurn);
        var activity = turnContext.Activity;
        if (!activity.IsType(ActivityTypes.Message) || string.Equals(activity.DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.Ordinal))
        {
            await nextTurn(cancellationToken).ConfigureAwait(false);
            return;
        }

        using var turnDone = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var typing = KeepTypingAsync(turnContext, turnDone.Token);
        try
        {
            await nextTurn(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await turnDone.CancelAsync().ConfigureAwait(false);
            await typing.ConfigureAwait(false);
        }
    }

    private async Task KeepTypingAsync(ITurnContext turnContext, CancellationToken turnDone)
    {
        try
        {
            await Task.Delay(_delay, _timeProvider, turnDone).ConfigureAwait(false);
            while (!turnDone.IsCancellationRequested)
            {
                var typing = new Activity { Type = ActivityTypes.Typing, RelatesTo = turnContext.Activity.RelatesTo }
                    .ApplyConversationReference(turnContext.Activity.GetConversationReference());
                await turnContext.Adapter.SendActivitiesAsync(turnContext, [typing], turnDone).ConfigureAwait(false);
                await Task.Delay(_period, _timeProvider, turnDone).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The turn ended: that is how the indicator stops.
        }
        catch (HttpRequestException exception)
        {
            // A lost typing indicator is cosmetic; the turn's replies still go out.
            BuilderLog.TypingFailed(_logger, turnContext.Activity.Conversation?.Id, exception.GetType().Name);
        }
    }
}
