using BotTriage.Bot.State;
using BotTriage.Core.Triage;
using BotTriage.Web.Tests.Support;

namespace BotTriage.Web.Tests.Endpoints;

/// <summary>Messages to one conversation that arrive at once, on the real engine: each is one turn, one after the other.</summary>
public sealed class MessagesEndpointConcurrencyTests : IDisposable
{
    private const string ConversationId = "conv-concurrent";

    private readonly BotTriageFactory _factory = new() { ShippedDialogs = true };
    private readonly HttpClient _client;

    public MessagesEndpointConcurrencyTests() => _client = _factory.CreateClient();

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Fact]
    public async Task AnswersTwoMessagesSentAtOnceAsTwoSuccessiveTurns()
    {
        await _client.ExchangeAsync("hallo", ConversationId);
        await _client.ExchangeAsync("nee", ConversationId);
        await _client.ExchangeAsync("ja", ConversationId);
        await _client.ExchangeAsync("nederlands", ConversationId);
        await _client.ExchangeAsync("onderrug", ConversationId);
        await _client.ExchangeAsync("3 weken", ConversationId);
        await _client.ExchangeAsync("4", ConversationId);
        await _client.ExchangeAsync("een beetje", ConversationId);
        var before = await _factory.Get<ConversationStateStore>().LoadAsync("webchat", ConversationId, CancellationToken.None);

        var both = await Task.WhenAll(_client.ExchangeAsync("nee", ConversationId), _client.ExchangeAsync("nee", ConversationId));

        var after = (await _factory.Get<ConversationStateStore>().LoadAsync("webchat", ConversationId, CancellationToken.None))!.State;
        Assert.Equal(before!.State.Turn + 2, after.Turn);
        Assert.Equal(YesNo.No, after.Answers["rf-sudden-weakness"].YesNo);
        Assert.Equal(YesNo.No, after.Answers["rf-bladder-bowel"].YesNo);
        Assert.False(after.Answers.ContainsKey("rf-saddle-numbness"));
        Assert.Equal("rf-saddle-numbness", after.Step);
        var questions = both.Select(replies => Assert.Single(replies.Texts())).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            [
                "Gaat plassen of je ontlasting sinds deze klachten anders: kun je moeilijk plassen, of kun je je plas of ontlasting niet ophouden?",
                "Heb je een doof gevoel in je kruis, rond je billen of bij je geslachtsdelen?",
            ],
            questions);
    }

    [Fact]
    public async Task CountsEveryOneOfManyMessagesSentAtOnceExactlyOnce()
    {
        await _client.ExchangeAsync("hallo", ConversationId);
        await _client.ExchangeAsync("nee", ConversationId);
        await _client.ExchangeAsync("ja", ConversationId);
        await _client.ExchangeAsync("nederlands", ConversationId);
        await _client.ExchangeAsync("onderrug", ConversationId);
        await _client.ExchangeAsync("3 weken", ConversationId);
        await _client.ExchangeAsync("4", ConversationId);
        await _client.ExchangeAsync("een beetje", ConversationId);
        var before = await _factory.Get<ConversationStateStore>().LoadAsync("webchat", ConversationId, CancellationToken.None);

        var all = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => _client.ExchangeAsync("nee", ConversationId)));

        var after = (await _factory.Get<ConversationStateStore>().LoadAsync("webchat", ConversationId, CancellationToken.None))!.State;
        Assert.Equal(before!.State.Turn + 5, after.Turn);
        Assert.All(["rf-sudden-weakness", "rf-bladder-bowel", "rf-saddle-numbness", "rf-both-legs", "rf-leg-weakness"], id => Assert.Equal(YesNo.No, after.Answers[id].YesNo));
        Assert.Equal("rf-major-trauma", after.Step);
        Assert.Null(after.Outcome);
        var firstQuestions = all.Select(replies => replies.Texts()[0]).ToList();
        Assert.Equal(5, firstQuestions.Distinct(StringComparer.Ordinal).Count());
    }
}
