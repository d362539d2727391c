namespace BotTriage.Bot.Builder;

/// <summary>A step around every turn: does its work and calls <c>next</c> to run the rest of the pipeline.</summary>
public interface IMiddleware
{
    Task OnTurnAsync(ITurnContext turnContext, NextDelegate nextTurn, CancellationToken cancellationToken);
}
