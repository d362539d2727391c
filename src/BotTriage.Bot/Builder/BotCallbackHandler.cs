namespace BotTriage.Bot.Builder;

/// <summary>The end of the middleware pipeline: usually <see cref="IBot.OnTurnAsync"/>.</summary>
public delegate Task BotCallbackHandler(ITurnContext turnContext, CancellationToken cancellationToken);
