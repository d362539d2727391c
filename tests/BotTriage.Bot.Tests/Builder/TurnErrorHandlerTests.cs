using BotTriage.Bot.Builder;
using BotTriage.Bot.Schema;
using BotTriage.Bot.Storage;
using BotTriage.Bot.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace BotTriage.Bot.Tests.Builder;

public class TurnErrorHandlerTests
{
    [Theory]
    [InlineData("nl-NL", "Er ging aan onze kant iets mis")]
    [InlineData("en-GB", "Something went wrong on our side")]
    [InlineData(null, "Er ging aan onze kant iets mis")]
    public async Task ApologisesInTheConversationsLanguageAndSendsATrace(string? locale, string expected)
    {
        var adapter = new TestAdapter { OnTurnError = new TurnErrorHandler(NullLogger<TurnErrorHandler>.Instance).HandleAsync };

        await adapter.ProcessActivityAsync(adapter.MakeActivity("hoi") with { Locale = locale }, (_, _) => throw new InvalidOperationException("kapot"));

        Assert.StartsWith(expected, adapter.GetNextReply()!.Text, StringComparison.Ordinal);
        var trace = adapter.GetNextReply()!;
        Assert.Equal(ActivityTypes.Trace, trace.Type);
        Assert.Equal("OnTurnError Trace", trace.Name);
        Assert.Equal("https://www.botframework.com/schemas/error", trace.ValueType);
    }

    [Fact]
    public async Task WithoutAHandlerTheExceptionPropagates()
    {
        var adapter = new TestAdapter();

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            adapter.SendTextToBotAsync("hoi", (_, _) => throw new InvalidOperationException("kapot")));
    }

    [Fact]
    public async Task AnUnreachableStateStoreIsNotApologisedForButMarkedForA503()
    {
        var adapter = new TestAdapter { OnTurnError = new TurnErrorHandler(NullLogger<TurnErrorHandler>.Instance).HandleAsync };
        ITurnContext? failed = null;

        await adapter.ProcessActivityAsync(adapter.MakeActivity("hoi"), (context, _) =>
        {
            failed = context;
            throw new InvalidOperationException("wrapped", new StorageUnavailableException("The database cannot be reached."));
        });

        Assert.Null(adapter.GetNextReply());
        Assert.True(failed!.TurnState.ContainsKey(TurnStateKeys.StorageUnavailable));
    }
}
