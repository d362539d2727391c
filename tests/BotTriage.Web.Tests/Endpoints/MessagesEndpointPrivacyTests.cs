using BotTriage.Bot.State;
using BotTriage.Bot.Storage;
using BotTriage.Bot.Transcripts;
using BotTriage.Web.Tests.Support;

namespace BotTriage.Web.Tests.Endpoints;

/// <summary>
/// Consent over HTTP on the real engine: what a person tells the bot is durable only after "ja", and an erasure
/// request removes it again. Checked through the registered stores and in the SQLite file itself.
/// </summary>
public sealed class MessagesEndpointPrivacyTests : IDisposable
{
    private const string ConversationId = "conv-privacy";

    private readonly BotTriageFactory _factory = new() { ShippedDialogs = true };
    private readonly HttpClient _client;

    public MessagesEndpointPrivacyTests() => _client = _factory.CreateClient();

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Fact]
    public async Task StoresNothingDurablyForAPersonWhoDeclinedConsent()
    {
        string[] script = ["hallo", "nee", "nee", "nederlands", "onderrug", "3 weken", "4", "een beetje", "nee", "nee", "nee", "nee", "nee", "nee", "nee", "ja", "nee", "nee", "nee", "nee", "nee", "nee", "nee"];
        foreach (var text in script)
        {
            await Send(text);
        }

        var replies = await Send("nee");

        Assert.Equal("T2", replies.Outcome().GetProperty("urgency").GetString());
        Assert.Empty(await _factory.Get<ITranscriptStore>().GetActivitiesAsync("webchat", ConversationId, CancellationToken.None));
        Assert.Empty(await ReadDurableAsync());
        Assert.Empty(await SqliteFile.FindAsync(_factory.DatabasePath, ConversationId));
        Assert.Empty(await SqliteFile.FindAsync(_factory.DatabasePath, "onderrug"));
    }

    [Fact]
    public async Task KeepsStateAndTranscriptDurablyOnceConsentIsGiven()
    {
        await Send("hallo");
        await Send("nee");
        await Send("ja");
        await Send("nederlands");

        await Send("onderrug");

        Assert.Single(await ReadDurableAsync(), i => i.Key == ConversationKeys.Conversation("webchat", ConversationId));
        Assert.Equal(12, (await _factory.Get<ITranscriptStore>().GetActivitiesAsync("webchat", ConversationId, CancellationToken.None)).Count);
        Assert.NotEmpty(await SqliteFile.FindAsync(_factory.DatabasePath, "onderrug"));
    }

    [Fact]
    public async Task ErasesStateAndTranscriptWhenAskedAfterConsent()
    {
        await Send("hallo");
        await Send("nee");
        await Send("ja");
        await Send("nederlands");
        await Send("onderrug");
        Assert.Contains("Wil je dat ik alles verwijder", (await Send("verwijder mijn gegevens")).Texts()[0], StringComparison.Ordinal);

        var replies = await Send("ja");

        Assert.StartsWith("Je gegevens van dit gesprek zijn verwijderd.", replies.Texts()[0], StringComparison.Ordinal);
        Assert.Null(await _factory.Get<ConversationStateStore>().LoadAsync("webchat", ConversationId, CancellationToken.None));
        Assert.Empty(await ReadDurableAsync());
        Assert.Empty(await _factory.Get<ITranscriptStore>().GetActivitiesAsync("webchat", ConversationId, CancellationToken.None));
        Assert.Empty(await SqliteFile.FindAsync(_factory.DatabasePath, ConversationId));
        Assert.Empty(await SqliteFile.FindAsync(_factory.DatabasePath, "onderrug"));
    }

    private Task<System.Text.Json.JsonElement[]> Send(string text) => _client.ExchangeAsync(text, ConversationId);

    /// <summary>The durable conversation and user items of this conversation's person.</summary>
    private Task<IReadOnlyDictionary<string, StoreItem>> ReadDurableAsync() =>
        _factory.Get<IStorage>().ReadAsync(
            [ConversationKeys.Conversation("webchat", ConversationId), ConversationKeys.User("webchat", "user-1")],
            CancellationToken.None);
}
