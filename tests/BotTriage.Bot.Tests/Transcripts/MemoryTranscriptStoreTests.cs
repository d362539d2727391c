using System.Globalization;
using System.Text.Json;
using BotTriage.Bot.Tests.Fakes;
using BotTriage.Bot.Transcripts;
using Microsoft.Extensions.Logging.Abstractions;

namespace BotTriage.Bot.Tests.Transcripts;

public sealed class MemoryTranscriptStoreTests : TranscriptStoreContractTests
{
    protected override ITranscriptStore CreateStore(TimeProvider clock) =>
        new MemoryTranscriptStore(clock, NullLogger<MemoryTranscriptStore>.Instance);

    [Fact]
    public async Task AQuietConversationsActivitiesAreCompressedAndReadBackExactly()
    {
        var (clock, store) = StoreWithTimers();
        using var disposing = store;
        var sent = Turns("quiet", 3);
        foreach (var turn in sent)
        {
            await store.AppendAsync("test", "quiet", turn, Token);
        }

        var text = sent.Sum(turn => turn.Sum(a => a.GetRawText().Length + sizeof(int)));
        var open = store.StoredBytes;
        clock.Advance(MemoryTranscriptStore.QuietPeriod);
        var closed = store.StoredBytes;

        Assert.Equal(text, open);
        Assert.InRange(closed, 1, text / 2);
        Assert.Equal(sent.SelectMany(t => t).Select(a => a.GetRawText()), (await store.GetActivitiesAsync("test", "quiet", Token)).Select(a => a.GetRawText()));
    }

    [Fact]
    public async Task AConversationStillTalkingKeepsItsNewestTurnsOpen()
    {
        var (clock, store) = StoreWithTimers();
        using var disposing = store;
        var first = Turns("busy", 1)[0];
        await store.AppendAsync("test", "busy", first, Token);
        clock.Advance(MemoryTranscriptStore.QuietPeriod / 2);
        await store.AppendAsync("test", "busy", first, Token);
        var text = 2 * first.Sum(a => a.GetRawText().Length + sizeof(int));

        clock.Advance(MemoryTranscriptStore.QuietPeriod / 2);

        Assert.Equal(text, store.StoredBytes);
    }

    [Fact]
    public async Task ALongConversationIsCompressedChunkByChunkWhileItTalks()
    {
        var (clock, store) = StoreWithTimers();
        using var disposing = store;
        var sent = Turns("long", 60);
        foreach (var turn in sent)
        {
            await store.AppendAsync("test", "long", turn, Token);
        }

        var text = sent.Sum(turn => turn.Sum(a => a.GetRawText().Length + sizeof(int)));
        Assert.True(text > 4 * MemoryTranscriptStore.ChunkBytes);
        Assert.InRange(store.StoredBytes, 1, text / 3);
        var read = await store.GetActivitiesAsync("test", "long", Token);
        Assert.Equal(sent.SelectMany(t => t).Select(a => a.GetRawText()), read.Select(a => a.GetRawText()));
        Assert.Equal(120, Assert.Single(await store.ListAsync(0, 10, Token)).ActivityCount);
    }

    [Fact]
    public async Task AConversationDeletedBeforeItWentQuietLeavesNothing()
    {
        var (clock, store) = StoreWithTimers();
        using var disposing = store;
        await store.AppendAsync("test", "gone", Turns("gone", 1)[0], Token);
        await store.AppendAsync("test", "kept", Turns("kept", 1)[0], Token);

        Assert.True(await store.DeleteAsync("test", "gone", Token));
        clock.Advance(MemoryTranscriptStore.QuietPeriod);

        Assert.Empty(await store.GetActivitiesAsync("test", "gone", Token));
        Assert.Equal(2, (await store.GetActivitiesAsync("test", "kept", Token)).Count);
        Assert.Equal(["kept"], (await store.ListAsync(0, 10, Token)).Select(t => t.ConversationId));
    }

    // A store on a clock whose timers fire when the test moves it.
    private static (ManualTimeProvider Clock, MemoryTranscriptStore Store) StoreWithTimers()
    {
        var clock = new ManualTimeProvider();
        return (clock, new MemoryTranscriptStore(clock, NullLogger<MemoryTranscriptStore>.Instance));
    }

    // Turns as the host logs them: the person's message and the bot's reply, with the envelope every activity repeats.
    private static List<JsonElement[]> Turns(string conversation, int count) =>
        [.. Enumerable.Range(0, count).Select(i =>
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            return new[]
            {
                Activity($$$"""{"type":"message","id":"m{{{n}}}","timestamp":"2026-11-22T01:03:21.39{{{n}}}Z","serviceUrl":"https://smba.example/emea/","channelId":"webchat","from":{"id":"user-{{{conversation}}}","role":"user"},"recipient":{"id":"bot"},"conversation":{"id":"{{{conversation}}}"},"text":"antwoord {{{n}}}","locale":"nl-NL"}"""),
                Activity($$$"""{"type":"message","serviceUrl":"https://smba.example/emea/","channelId":"webchat","from":{"id":"bot","role":"bot"},"recipient":{"id":"user-{{{conversation}}}"},"conversation":{"id":"{{{conversation}}}"},"replyToId":"m{{{n}}}","text":"Vraag {{{n}}}: heb je last van koorts, nachtzweten of gewichtsverlies zonder dat je dat kunt verklaren?","locale":"nl-NL","suggestedActions":{"actions":[{"type":"imBack","title":"ja","value":"ja"},{"type":"imBack","title":"nee","value":"nee"}]}}"""),
            };
        })];
}
