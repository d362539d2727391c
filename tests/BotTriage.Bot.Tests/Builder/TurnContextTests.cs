using BotTriage.Bot.Builder;
using BotTriage.Bot.Schema;
using BotTriage.Bot.Testing;

namespace BotTriage.Bot.Tests.Builder;

public class TurnContextTests
{
    [Fact]
    public async Task AddressesRepliesToTheIncomingActivity()
    {
        var adapter = new TestAdapter();
        var incoming = adapter.MakeActivity("hoi");
        var context = new TurnContext(adapter, incoming);

        await context.SendActivityAsync(Activity.CreateMessageActivity("Welkom"), CancellationToken.None);

        var reply = adapter.GetNextReply()!;
        Assert.Equal("bot", reply.From!.Id);
        Assert.Equal("user1", reply.Recipient!.Id);
        Assert.Equal("Convo1", reply.Conversation!.Id);
        Assert.Equal("https://test.com", reply.ServiceUrl);
        Assert.Equal(incoming.Id, reply.ReplyToId);
        Assert.True(context.Responded);
    }

    [Fact]
    public async Task RunsSendHooksInRegistrationOrderAroundTheSend()
    {
        var adapter = new TestAdapter();
        var context = new TurnContext(adapter, adapter.MakeActivity("hoi"));
        var calls = new List<string>();
        context.OnSendActivities(async (_, activities, next) =>
        {
            calls.Add("first before");
            var responses = await next();
            calls.Add("first after");
            return responses;
        });
        context.OnSendActivities(async (_, activities, next) =>
        {
            calls.Add("second sees " + activities[0].Text);
            return await next();
        });

        await context.SendActivityAsync(Activity.CreateMessageActivity("x"), CancellationToken.None);

        Assert.Equal(["first before", "second sees x", "first after"], calls);
    }

    [Fact]
    public async Task BuffersRepliesWhenTheCallerExpectsReplies()
    {
        var adapter = new TestAdapter();
        var context = new TurnContext(adapter, adapter.MakeActivity("hoi") with { DeliveryMode = DeliveryModes.ExpectReplies });

        await context.SendActivitiesAsync([Activity.CreateMessageActivity("a"), Activity.CreateMessageActivity("b")], CancellationToken.None);

        Assert.Null(adapter.GetNextReply());
        Assert.Equal(["a", "b"], context.BufferedReplyActivities.Select(a => a.Text));
        Assert.True(context.Responded);
    }

    [Fact]
    public async Task TraceAloneDoesNotCountAsResponding()
    {
        var adapter = new TestAdapter();
        var context = new TurnContext(adapter, adapter.MakeActivity("hoi"));

        await context.SendActivityAsync(Activity.CreateTraceActivity("t", null, null, null), CancellationToken.None);

        Assert.False(context.Responded);
    }
}
