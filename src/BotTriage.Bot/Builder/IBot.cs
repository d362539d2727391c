namespace BotTriage.Bot.Builder;

/// <summary>The bot: handles one turn, everything it needs comes through the turn context.</summary>
public interface IBot
{
    Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken);
}
