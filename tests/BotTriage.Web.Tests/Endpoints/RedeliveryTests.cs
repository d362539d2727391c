using System.Net;
using BotTriage.Bot.State;
using BotTriage.Bot.Transcripts;
using BotTriage.Web.Tests.Support;

namespace BotTriage.Web.Tests.Endpoints;

/// <summary>
/// A channel that did not hear back in time posts the same activity (same id) again. The bot must not apply it
/// twice: the answer would be taken for the next question, and the transcript would hold the message twice.
/// </summary>
public sealed class RedeliveryTests : IDisposable
{
    private readonly BotTriageFactory _factory = new();
    private readonly HttpClient _client;

    public RedeliveryTests() => _client = _factory.CreateClient();

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Fact]
    public async Task AppliesAMessageDeliveredTwiceOnlyOnce()
    {
        await _client.ExchangeAsync("hoi");
        await _client.ExchangeAsync("ja");
        var complaint = Activities.Message("rug");

        using var first = await _client.PostAsync(complaint);
        using var again = await _client.PostAsync(complaint);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.NotEmpty(await first.RepliesAsync());
        Assert.DoesNotContain(await again.RepliesAsync(), a => a.GetProperty("type").GetString() == "message");
        var stored = await _factory.Get<ConversationStateStore>().LoadAsync("webchat", "conv-1", CancellationToken.None);
        Assert.Equal("ja|rug", stored!.State.Answers["said"].Text);
        var logged = await _factory.Get<ITranscriptStore>().GetActivitiesAsync("webchat", "conv-1", CancellationToken.None);
        Assert.Single(logged, a => a.GetProperty("type").GetString() == "message" && a.TryGetProperty("text", out var text) && text.GetString() == "rug");
    }

    [Fact]
    public async Task StillAppliesTheSameWordsSentAgainAsANewMessage()
    {
        await _client.ExchangeAsync("hoi");
        await _client.ExchangeAsync("ja");

        await _client.ExchangeAsync("rug");
        await _client.ExchangeAsync("rug");

        var stored = await _factory.Get<ConversationStateStore>().LoadAsync("webchat", "conv-1", CancellationToken.None);
        Assert.Equal("ja|rug|rug", stored!.State.Answers["said"].Text);
    }
}
