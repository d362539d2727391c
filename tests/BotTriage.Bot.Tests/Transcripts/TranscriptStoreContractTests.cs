using System.Text.Json;
using BotTriage.Testing;
using BotTriage.Bot.Transcripts;

namespace BotTriage.Bot.Tests.Transcripts;

/// <summary>The behaviour every <see cref="ITranscriptStore"/> must have; each store's test class inherits it.</summary>
public abstract class TranscriptStoreContractTests : IDisposable
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));
    private ITranscriptStore? _store;

    protected ManualTimeProvider Clock { get; } = new();

    protected ITranscriptStore Store => _store ??= CreateStore(Clock);

    protected CancellationToken Token => _timeout.Token;

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected abstract ITranscriptStore CreateStore(TimeProvider clock);

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            (_store as IDisposable)?.Dispose();
            _timeout.Dispose();
        }
    }

    protected static JsonElement Activity(string json) => JsonElement.Parse(json);

    protected static JsonElement Message(string id, string text) =>
        Activity($$"""{"type":"message","id":"{{id}}","text":"{{text}}","channelId":"test"}""");

    [Fact]
    public async Task AppendedActivitiesReadBackInOrderAsTheirExactJson()
    {
        const string inbound = """{"type":"message","id":"1","text":"ik heb al 3 weken last van mijn onderrug","from":{"id":"user1","role":"user"},"unknownField":{"kept":true}}""";
        const string reply = """{"type":"message","text":"Hoe erg is de pijn, van 0 tot 10?","replyToId":"1"}""";
        const string trace = """{"type":"trace","name":"OnTurnError Trace","valueType":"https://www.botframework.com/schemas/error"}""";

        await Store.AppendAsync("test", "c1", [Activity(inbound)], Token);
        await Store.AppendAsync("test", "c1", [Activity(reply), Activity(trace)], Token);

        var activities = await Store.GetActivitiesAsync("test", "c1", Token);
        Assert.Equal([inbound, reply, trace], activities.Select(a => a.GetRawText()));
    }

    [Fact]
    public async Task TranscriptsAreKeptPerConversationAndChannel()
    {
        await Store.AppendAsync("test", "c1", [Message("1", "a")], Token);
        await Store.AppendAsync("test", "c2", [Message("2", "b")], Token);
        await Store.AppendAsync("webchat", "c1", [Message("3", "c")], Token);

        var c1 = await Store.GetActivitiesAsync("test", "c1", Token);
        var missing = await Store.GetActivitiesAsync("test", "nope", Token);

        Assert.Equal("1", Assert.Single(c1).GetProperty("id").GetString());
        Assert.Empty(missing);
    }

    [Fact]
    public async Task ListIsNewestFirstWithPaging()
    {
        var created = Clock.GetUtcNow();
        await Store.AppendAsync("test", "old", [Message("1", "a")], Token);
        Clock.Advance(TimeSpan.FromMinutes(1));
        await Store.AppendAsync("test", "middle", [Message("2", "b")], Token);
        Clock.Advance(TimeSpan.FromMinutes(1));
        await Store.AppendAsync("test", "new", [Message("3", "c")], Token);
        Clock.Advance(TimeSpan.FromMinutes(1));
        await Store.AppendAsync("test", "old", [Message("4", "d"), Message("5", "e")], Token);

        var first = await Store.ListAsync(0, 2, Token);
        var second = await Store.ListAsync(2, 2, Token);

        Assert.Equal(["old", "new"], first.Select(t => t.ConversationId));
        Assert.Equal(["middle"], second.Select(t => t.ConversationId));
        var old = first[0];
        Assert.Equal(new TranscriptInfo("test", "old", created, created + TimeSpan.FromMinutes(3), 3), old);
    }

    [Fact]
    public async Task DeleteRemovesOneConversation()
    {
        await Store.AppendAsync("test", "c1", [Message("1", "a")], Token);
        await Store.AppendAsync("test", "c2", [Message("2", "b")], Token);

        var deleted = await Store.DeleteAsync("test", "c1", Token);
        var deletedAgain = await Store.DeleteAsync("test", "c1", Token);

        Assert.True(deleted);
        Assert.False(deletedAgain);
        Assert.Empty(await Store.GetActivitiesAsync("test", "c1", Token));
        Assert.Single(await Store.GetActivitiesAsync("test", "c2", Token));
        Assert.Equal(["c2"], (await Store.ListAsync(0, 10, Token)).Select(t => t.ConversationId));
    }

    [Fact]
    public async Task DeleteOlderThanRemovesWholeStaleConversationsAndCountsThem()
    {
        await Store.AppendAsync("test", "stale1", [Message("1", "a")], Token);
        await Store.AppendAsync("test", "stale2", [Message("2", "b")], Token);
        await Store.AppendAsync("test", "revived", [Message("3", "c")], Token);
        Clock.Advance(TimeSpan.FromDays(31));
        var cutoff = Clock.GetUtcNow() - TimeSpan.FromDays(30);
        await Store.AppendAsync("test", "revived", [Message("4", "d")], Token);
        await Store.AppendAsync("test", "fresh", [Message("5", "e")], Token);

        var deleted = await Store.DeleteOlderThanAsync(cutoff, Token);

        Assert.Equal(2, deleted);
        Assert.Equal(["fresh", "revived"], (await Store.ListAsync(0, 10, Token)).Select(t => t.ConversationId).Order(StringComparer.Ordinal));
        Assert.Equal(2, (await Store.GetActivitiesAsync("test", "revived", Token)).Count);
        Assert.Empty(await Store.GetActivitiesAsync("test", "stale1", Token));
    }

    [Fact]
    public async Task ConcurrentAppendsAreAllKept()
    {
        // One store for all appends: the lazily created Store, first read from 40 threads at once, could be made twice.
        var store = Store;
        var appends = Enumerable.Range(0, 40).Select(i =>
            Task.Run(() => store.AppendAsync("test", "busy", [Message(i.ToString(System.Globalization.CultureInfo.InvariantCulture), "x")], Token), Token));

        await Task.WhenAll(appends);

        var activities = await Store.GetActivitiesAsync("test", "busy", Token);
        Assert.Equal(40, activities.Select(a => a.GetProperty("id").GetString()).Distinct().Count());
        Assert.Equal(40, Assert.Single(await Store.ListAsync(0, 10, Token)).ActivityCount);
    }

    [Fact]
    public async Task AnAppendWithAnActivityThatIsNotAnObjectIsRefusedWhole()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.AppendAsync("test", "c1", [Message("1", "hoi"), Activity("[1,2]")], Token));

        Assert.Empty(await Store.GetActivitiesAsync("test", "c1", Token));
        Assert.Empty(await Store.ListAsync(0, 10, Token));
    }

    [Fact]
    public async Task AppendedActivitiesDoNotDependOnTheCallersDocument()
    {
        using (var document = JsonDocument.Parse("""{"type":"message","id":"1"}"""))
        {
            await Store.AppendAsync("test", "c1", [document.RootElement], Token);
        }

        var activity = Assert.Single(await Store.GetActivitiesAsync("test", "c1", Token));
        Assert.Equal("1", activity.GetProperty("id").GetString());
    }
}
