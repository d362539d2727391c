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
        await _client.ExchangeAsync("ja", ConversationId);
        await _client.ExchangeAsync("onderrug", ConversationId);
        await _client.ExchangeAsync("3 weken", ConversationId);
        var before = await _factory.Get<ConversationStateStore>().LoadAsync("webchat", ConversationId, CancellationToken.None);

        var both = await Task.WhenAll(_client.ExchangeAsync("nee", ConversationId), _client.ExchangeAsync("nee", ConversationId));

        var after = (await _factory.Get<ConversationStateStore>().LoadAsync("webchat", ConversationId, CancellationToken.None))!.State;
        Assert.Equal(before!.State.Turn + 2, after.Turn);
        Assert.Equal(YesNo.No, after.Answers["rf-sudden-weakness"].YesNo);
        Assert.Equal(YesNo.No, after.Answers["rf-numbness"].YesNo);
        Assert.False(after.Answers.ContainsKey("rf-night-pain"));
        Assert.Equal("rf-night-pain", after.Step);
        var questions = both.Select(replies => Assert.Single(replies.Texts())).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            [
                "Heb je een doof gevoel of tintelingen in een arm of been die niet overgaan?",
                "Is de pijn 's nachts erger, ook als je van houding verandert?",
            ],
            questions);
    }

    [Fact]
    public async Task CountsEveryOneOfManyMessagesSentAtOnceExactlyOnce()
    {
        await _client.ExchangeAsync("hallo", ConversationId);
        await _client.ExchangeAsync("ja", ConversationId);
        await _client.ExchangeAsync("onderrug", ConversationId);
        await _client.ExchangeAsync("3 weken", ConversationId);
        var before = await _factory.Get<ConversationStateStore>().LoadAsync("webchat", ConversationId, CancellationToken.None);

        var all = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => _client.ExchangeAsync("nee", ConversationId)));

        var after = (await _factory.Get<ConversationStateStore>().LoadAsync("webchat", ConversationId, CancellationToken.None))!.State;
        Assert.Equal(before!.State.Turn + 5, after.Turn);
        Assert.All(["rf-sudden-weakness", "rf-numbness", "rf-night-pain", "rf-weight-loss", "rf-fever"], id => Assert.Equal(YesNo.No, after.Answers[id].YesNo));
        Assert.True(after.Outcome!.Completed);
        Assert.Empty(after.Outcome.RedFlags);
        Assert.Single(all, replies => replies.Any(r => r.GetProperty("type").GetString() == "event"));
        var firstQuestions = all.Select(replies => replies.Texts()[0]).ToList();
        Assert.Equal(5, firstQuestions.Distinct(StringComparer.Ordinal).Count());
    }
}
