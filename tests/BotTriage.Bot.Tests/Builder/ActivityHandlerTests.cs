using BotTriage.Bot.Builder;
using BotTriage.Bot.Schema;
using BotTriage.Bot.Testing;

namespace BotTriage.Bot.Tests.Builder;

public class ActivityHandlerTests
{
    [Theory]
    [InlineData(ActivityTypes.Message, "message")]
    [InlineData(ActivityTypes.Event, "event")]
    [InlineData(ActivityTypes.Typing, "typing")]
    [InlineData(ActivityTypes.EndOfConversation, "endOfConversation")]
    [InlineData(ActivityTypes.InstallationUpdate, "installationUpdate")]
    [InlineData("somethingNew", "unrecognized")]
    public async Task DispatchesByActivityType(string type, string expected)
    {
        var bot = new RecordingHandler();
        var adapter = new TestAdapter();

        await adapter.ProcessActivityAsync(adapter.MakeActivity() with { Type = type }, bot.OnTurnAsync);

        Assert.Equal([expected], bot.Calls);
    }

    [Fact]
    public async Task PassesOnlyMembersOtherThanTheBot()
    {
        var bot = new RecordingHandler();
        var adapter = new TestAdapter();
        var update = new Activity { Type = ActivityTypes.ConversationUpdate, MembersAdded = [new ChannelAccount("bot"), new ChannelAccount("user1")] };

        await adapter.ProcessActivityAsync(update, bot.OnTurnAsync);

        Assert.Equal(["added user1"], bot.Calls);
    }

    [Fact]
    public async Task IgnoresAConversationUpdateThatOnlyAddsTheBot()
    {
        var bot = new RecordingHandler();
        var adapter = new TestAdapter();
        var update = new Activity { Type = ActivityTypes.ConversationUpdate, MembersAdded = [new ChannelAccount("bot")] };

        await adapter.ProcessActivityAsync(update, bot.OnTurnAsync);

        Assert.Empty(bot.Calls);
    }

    [Fact]
    public async Task AnswersAnUnhandledInvokeWith501()
    {
        var adapter = new TestAdapter();
        ITurnContext? seen = null;
        var bot = new RecordingHandler();

        await adapter.ProcessActivityAsync(adapter.MakeActivity() with { Type = ActivityTypes.Invoke, Name = "adaptiveCard/action" }, async (context, ct) =>
        {
            seen = context;
            await bot.OnTurnAsync(context, ct);
        });

        Assert.Equal(501, Assert.IsType<InvokeResponse>(seen!.TurnState[TurnStateKeys.InvokeResponse]).Status);
        Assert.Null(adapter.GetNextReply());
    }

    private sealed class RecordingHandler : ActivityHandler
    {
        public List<string> Calls { get; } = [];

        protected override Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Record("message");

        protected override Task OnMembersAddedAsync(IReadOnlyList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken) =>
            Record("added " + string.Join(',', membersAdded.Select(m => m.Id)));

        protected override Task OnEventActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Record("event");

        protected override Task OnTypingActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Record("typing");

        protected override Task OnEndOfConversationActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Record("endOfConversation");

        protected override Task OnInstallationUpdateActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Record("installationUpdate");

        protected override Task OnUnrecognizedActivityTypeAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Record("unrecognized");

        private Task Record(string call)
        {
            Calls.Add(call);
            return Task.CompletedTask;
        }
    }
}
