using BotTriage.Bot.Builder;
using BotTriage.Bot.Hosting;
using BotTriage.Bot.Schema;
using BotTriage.Bot.State;
using BotTriage.Bot.Testing;
using BotTriage.Bot.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BotTriage.Bot.Tests.Builder;

public sealed class TranscriptLoggerMiddlewareTests : IDisposable
{
    private readonly FakeTranscriptStore _store = new();
    private readonly VolatileConversationCache _cache = new(Options.Create(new BotOptions()));
    private readonly ManualTimeProvider _clock = new();
    private readonly TestAdapter _adapter = new();

    public TranscriptLoggerMiddlewareTests() =>
        _adapter.Use(new TranscriptLoggerMiddleware(_store, _cache, _clock, NullLogger<TranscriptLoggerMiddleware>.Instance));

    public void Dispose() => _cache.Dispose();

    [Fact]
    public async Task LogsInboundAndOutboundActivitiesWithRolesIdsAndTimestamps()
    {
        await _adapter.ProcessActivityAsync(_adapter.MakeActivity("hoi"), Reply("Welkom", TranscriptDecision.Keep));

        var logged = await _store.GetActivitiesAsync("test", "Convo1", CancellationToken.None);
        Assert.Equal(2, logged.Count);
        Assert.Equal("hoi", logged[0].GetProperty("text").GetString());
        Assert.Equal("user", logged[0].GetProperty("from").GetProperty("role").GetString());
        Assert.Equal("Welkom", logged[1].GetProperty("text").GetString());
        Assert.Equal("bot", logged[1].GetProperty("from").GetProperty("role").GetString());
        Assert.Equal("2025-03-01T09:00:00Z", logged[1].GetProperty("timestamp").GetString());
        Assert.True(logged[1].TryGetProperty("id", out _));
    }

    [Fact]
    public async Task HoldsActivitiesInMemoryUntilConsentAndThenWritesThemInOrder()
    {
        await _adapter.SendTextToBotAsync("hoi", Reply("Mag dat?", TranscriptDecision.Hold));
        var beforeConsent = _store.Count;

        await _adapter.SendTextToBotAsync("ja", Reply("Dank je", TranscriptDecision.Keep));

        Assert.Equal(0, beforeConsent);
        var logged = await _store.GetActivitiesAsync("test", "Convo1", CancellationToken.None);
        Assert.Equal(["hoi", "Mag dat?", "ja", "Dank je"], logged.Select(a => a.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task DropsEverythingWhenConsentIsDeclined()
    {
        await _adapter.SendTextToBotAsync("hoi", Reply("Mag dat?", TranscriptDecision.Hold));
        await _adapter.SendTextToBotAsync("nee", Reply("Prima", TranscriptDecision.Discard));
        await _adapter.SendTextToBotAsync("rug", Reply("Ok", TranscriptDecision.Discard));

        Assert.Equal(0, _store.Count);
        Assert.Empty(_cache.TakePendingTranscript(ConversationKeys.Conversation("test", "Convo1")));
    }

    [Fact]
    public async Task HoldsWhenTheBotDecidedNothing()
    {
        await _adapter.SendTextToBotAsync("hoi", (_, _) => Task.CompletedTask);

        Assert.Equal(0, _store.Count);
        Assert.Single(_cache.TakePendingTranscript(ConversationKeys.Conversation("test", "Convo1")));
    }

    [Fact]
    public async Task WritesNothingForAFailedTurn()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _adapter.SendTextToBotAsync("hoi", (context, _) =>
            {
                context.TurnState[TurnStateKeys.TranscriptDecision] = TranscriptDecision.Keep;
                throw new InvalidOperationException();
            }));

        Assert.Equal(0, _store.Count);
    }

    private static BotCallbackHandler Reply(string text, TranscriptDecision decision) => async (context, ct) =>
    {
        await context.SendActivityAsync(Activity.CreateMessageActivity(text), ct);
        context.TurnState[TurnStateKeys.TranscriptDecision] = decision;
    };
}
