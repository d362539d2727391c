using BotTriage.Bot.Builder;

namespace BotTriage.Web.DirectLine;

/// <summary>
/// Runs the bot and remembers whether its turn threw and what it decided about the turn's record, then lets the exception go on to the adapter's error handler
/// (which apologises in the chat). Direct Line answers 502 for such a turn: its status "reflects the bot's".
/// </summary>
internal sealed class FailureRecordingBot(IBot bot) : IBot
{
    public bool Failed { get; private set; }

    /// <summary>What the bot decided about the turn's record; <c>Discard</c> after an erasure or a declined consent.</summary>
    public TranscriptDecision? Decision { get; private set; }

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        try
        {
            await bot.OnTurnAsync(turnContext, cancellationToken);
            Decision = turnContext.TurnState.TryGetValue(TurnStateKeys.TranscriptDecision, out var value) ? value as TranscriptDecision? : null;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            Failed = true;
            throw;
        }
    }
}
