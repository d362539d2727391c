using BotTriage.Bot.Builder;
using BotTriage.Bot.Schema;
using BotTriage.Bot.Testing;
using BotTriage.Bot.Tests.Fakes;

namespace BotTriage.Bot.Tests.Builder;

public class ShowTypingMiddlewareTests
{
    [Fact]
    public async Task SendsTypingAfterTheDelayAndThenEveryPeriodUntilTheTurnEnds()
    {
        var clock = new ManualTimeProvider();
        var adapter = new TestAdapter();
        adapter.Use(new ShowTypingMiddleware(TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(2000), clock));
        var release = new TaskCompletionSource();

        var turn = adapter.SendTextToBotAsync("hoi", (_, _) => release.Task);
        await WaitForTimerAsync(clock);
        clock.Advance(TimeSpan.FromMilliseconds(499));
        var beforeDelay = adapter.ActiveQueue.Count;
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await WaitForCountAsync(adapter, 1);
        await WaitForTimerAsync(clock);
        clock.Advance(TimeSpan.FromMilliseconds(2000));
        await WaitForCountAsync(adapter, 2);
        release.SetResult();
        await turn;

        Assert.Equal(0, beforeDelay);
        Assert.All(adapter.ActiveQueue, a => Assert.Equal(ActivityTypes.Typing, a.Type));
        Assert.Equal("user1", adapter.ActiveQueue.First().Recipient!.Id);
        Assert.Equal(2, adapter.ActiveQueue.Count);
    }

    [Fact]
    public async Task SendsNoTypingForAQuickTurn()
    {
        var clock = new ManualTimeProvider();
        var adapter = new TestAdapter();
        adapter.Use(new ShowTypingMiddleware(TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(2000), clock));

        await adapter.SendTextToBotAsync("hoi", (_, _) => Task.CompletedTask);
        clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Empty(adapter.ActiveQueue);
    }

    [Theory]
    [InlineData(ActivityTypes.Event, null)]
    [InlineData(ActivityTypes.Message, DeliveryModes.ExpectReplies)]
    public async Task SendsNoTypingForOtherActivitiesOrExpectReplies(string type, string? deliveryMode)
    {
        var clock = new ManualTimeProvider();
        var adapter = new TestAdapter();
        adapter.Use(new ShowTypingMiddleware(TimeSpan.Zero, TimeSpan.FromMilliseconds(2000), clock));

        await adapter.ProcessActivityAsync(adapter.MakeActivity("x") with { Type = type, DeliveryMode = deliveryMode }, (_, _) =>
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            return Task.CompletedTask;
        });

        Assert.Equal(0, clock.ActiveTimers);
        Assert.Empty(adapter.ActiveQueue);
    }

    private static async Task WaitForTimerAsync(ManualTimeProvider clock)
    {
        for (var i = 0; i < 500 && clock.ActiveTimers == 0; i++)
        {
            await Task.Delay(5);
        }
    }

    private static async Task WaitForCountAsync(TestAdapter adapter, int count)
    {
        for (var i = 0; i < 500 && adapter.ActiveQueue.Count < count; i++)
        {
            await Task.Delay(5);
        }
    }
}
