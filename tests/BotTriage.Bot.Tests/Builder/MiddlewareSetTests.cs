using BotTriage.Bot.Builder;
using BotTriage.Bot.Testing;

namespace BotTriage.Bot.Tests.Builder;

public class MiddlewareSetTests
{
    [Fact]
    public async Task RunsMiddlewareOutermostFirstAndTheBotInTheMiddle()
    {
        var calls = new List<string>();
        var adapter = new TestAdapter();
        adapter.Use(new Recording("a", calls)).Use(new Recording("b", calls));

        await adapter.SendTextToBotAsync("hoi", (_, _) =>
        {
            calls.Add("bot");
            return Task.CompletedTask;
        });

        Assert.Equal(["a in", "b in", "bot", "b out", "a out"], calls);
    }

    [Fact]
    public async Task AMiddlewareThatDoesNotCallNextStopsTheTurn()
    {
        var botRan = false;
        var adapter = new TestAdapter();
        adapter.Use(new ShortCircuit());

        await adapter.SendTextToBotAsync("hoi", (_, _) =>
        {
            botRan = true;
            return Task.CompletedTask;
        });

        Assert.False(botRan);
    }

    private sealed class Recording(string name, List<string> calls) : IMiddleware
    {
        public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate nextTurn, CancellationToken cancellationToken)
        {
            calls.Add(name + " in");
            await nextTurn(cancellationToken);
            calls.Add(name + " out");
        }
    }

    private sealed class ShortCircuit : IMiddleware
    {
        public Task OnTurnAsync(ITurnContext turnContext, NextDelegate nextTurn, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
