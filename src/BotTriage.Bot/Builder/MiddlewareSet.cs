namespace BotTriage.Bot.Builder;

/// <summary>Middleware in the order it was added; the first added runs outermost.</summary>
public sealed class MiddlewareSet : IMiddleware
{
    private readonly List<IMiddleware> _middleware = [];

    public MiddlewareSet Use(IMiddleware middleware)
    {
        ArgumentNullException.ThrowIfNull(middleware);
        _middleware.Add(middleware);
        return this;
    }

    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate nextTurn, CancellationToken cancellationToken) =>
        RunAsync(turnContext, 0, ct => nextTurn(ct), cancellationToken);

    /// <summary>Runs every middleware and then <paramref name="callback"/>, when there is one.</summary>
    public Task ReceiveActivityAsync(ITurnContext turnContext, BotCallbackHandler? callback, CancellationToken cancellationToken) =>
        RunAsync(turnContext, 0, ct => callback is null ? Task.CompletedTask : callback(turnContext, ct), cancellationToken);

    private Task RunAsync(ITurnContext turnContext, int index, Func<CancellationToken, Task> last, CancellationToken cancellationToken)
    {
        if (index == _middleware.Count)
        {
            return last(cancellationToken);
        }

        return _middleware[index].OnTurnAsync(turnContext, ct => RunAsync(turnContext, index + 1, last, ct), cancellationToken);
    }
}
