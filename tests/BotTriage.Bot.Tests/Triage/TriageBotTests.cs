using System.Text.Json;
using BotTriage.Bot.Schema;
using BotTriage.Bot.State;
using BotTriage.Bot.Testing;
using BotTriage.Bot.Tests.Fakes;
using BotTriage.Core.Triage;

namespace BotTriage.Bot.Tests.Triage;

public sealed class TriageBotTests : IDisposable
{
    private const string ConversationKey = "test/conversations/Convo1";

    private readonly BotHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task WelcomesOnTheFirstMessageWithoutReadingItAsAnAnswer()
    {
        await _harness.Flow()
            .Send("ja")
            .AssertReply(r => Assert.StartsWith("Welkom", r.Text, StringComparison.Ordinal))
            .Send("ja")
            .AssertReply("Wat is je klacht?")
            .StartTestAsync();
    }

    [Fact]
    public async Task RunsATriageToItsResultAndSendsTheOutcomeEvent()
    {
        await _harness.Flow()
            .SendConversationUpdate()
            .AssertReply(r => Assert.Equal(["Ja", "Nee"], r.SuggestedActions!.Actions!.Select(a => a.Title)))
            .Send("ja").AssertReply("Wat is je klacht?")
            .Send("pijn in mijn onderrug").AssertReply("Hoe erg is de pijn, van 0 tot 10?")
            .Send("9").AssertReply("Advies: gp")
            .AssertReply(r =>
            {
                Assert.Equal(ActivityTypes.Event, r.Type);
                Assert.Equal("bottriage.outcome", r.Name);
                var value = r.Value!.Value;
                Assert.Equal("T3", value.GetProperty("urgency").GetString());
                Assert.Equal("gp", value.GetProperty("routes")[0].GetString());
                Assert.Equal("pain-level", value.GetProperty("reasons")[0].GetProperty("rule").GetString());
                Assert.Equal("9", value.GetProperty("reasons")[0].GetProperty("evidence")[0].GetString());
                Assert.True(value.GetProperty("completed").GetBoolean());
                Assert.False(value.GetProperty("emergency").GetBoolean());
                Assert.Equal(0, value.GetProperty("massageTypes").GetArrayLength());
            })
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task WelcomesOnceForAConversationUpdate()
    {
        await _harness.Flow()
            .SendConversationUpdate().AssertReply(r => Assert.StartsWith("Welkom", r.Text, StringComparison.Ordinal))
            .SendConversationUpdate().AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task ShowsAtMostThreeSuggestedActionsOnTeamsAndMoreAsACard()
    {
        using var teams = new BotHarness(channelId: Channels.MsTeams);

        await teams.Flow()
            .Send("hoi").AssertReply(r => Assert.Equal(["Ja", "Nee", "English"], r.SuggestedActions!.Actions!.Select(a => a.Title)))
            .Send("ja").AssertReply("Wat is je klacht?")
            .Send("rug").AssertReply(r =>
            {
                Assert.Null(r.SuggestedActions);
                var card = Assert.Single(r.Attachments!).Content!.Value;
                Assert.Equal(["3", "5", "7", "9"], card.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("title").GetString()));
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task ShowsAllChoicesElsewhere()
    {
        await _harness.Flow()
            .Send("hoi").AssertReply(_ => { })
            .Send("ja").AssertReply("Wat is je klacht?")
            .Send("rug").AssertReply(r => Assert.Equal(4, r.SuggestedActions!.Actions!.Count))
            .StartTestAsync();
    }

    [Fact]
    public async Task SpeaksEnglishWhenTheLocaleIsEnglish()
    {
        _harness.Adapter.Conversation = _harness.Adapter.Conversation with { Locale = "en-GB" };

        await _harness.Flow()
            .Send("hi").AssertReply(r =>
            {
                Assert.StartsWith("Welcome", r.Text, StringComparison.Ordinal);
                Assert.Equal("en-US", r.Locale);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task KeepsTheUsersChosenLanguageForTheirNextConversation()
    {
        await _harness.Flow()
            .Send("hoi").AssertReply(_ => { })
            .Send("ja").AssertReply(_ => { })
            .Send("english").AssertReply("We'll continue in English.")
            .StartTestAsync();
        _harness.Adapter.Conversation = _harness.Adapter.Conversation with { Conversation = new ConversationAccount("Convo2") };

        await _harness.Flow()
            .Send("hoi").AssertReply(r => Assert.StartsWith("Welcome", r.Text, StringComparison.Ordinal))
            .StartTestAsync();
    }

    [Fact]
    public async Task KeepsNothingDurableBeforeConsentAndStoresStateAndTranscriptOnceGiven()
    {
        await _harness.Flow().Send("hoi").AssertReply(_ => { }).StartTestAsync();
        var keysBefore = _harness.Storage.Keys;
        var transcriptsBefore = _harness.Transcripts.Count;

        await _harness.Flow().Send("ja").AssertReply(_ => { }).StartTestAsync();

        Assert.Empty(keysBefore);
        Assert.Equal(0, transcriptsBefore);
        Assert.Contains(ConversationKey, _harness.Storage.Keys);
        Assert.Contains("test/users/user1", _harness.Storage.Keys);
        var transcript = await _harness.Transcripts.GetActivitiesAsync("test", "Convo1", CancellationToken.None);
        Assert.Equal(4, transcript.Count);
    }

    [Fact]
    public async Task KeepsNothingDurableWhenConsentIsDeclined()
    {
        await _harness.Flow()
            .Send("hoi").AssertReply(_ => { })
            .Send("nee").AssertReply("Wat is je klacht?")
            .Send("rug").AssertReply("Hoe erg is de pijn, van 0 tot 10?")
            .Send("3").AssertReply("Advies: physio")
            .StartTestAsync();

        Assert.Empty(_harness.Storage.Keys);
        Assert.Equal(0, _harness.Transcripts.Count);
    }

    [Fact]
    public async Task ErasesStateAndTranscriptOnRequest()
    {
        await _harness.Flow()
            .Send("hoi").AssertReply(_ => { })
            .Send("ja").AssertReply(_ => { })
            .Send("wis").AssertReply("Je gegevens zijn verwijderd.")
            .StartTestAsync();

        Assert.Empty(_harness.Storage.Keys);
        Assert.Equal(0, _harness.Transcripts.Count);
        await _harness.Flow().Send("hoi").AssertReply(r => Assert.StartsWith("Welkom", r.Text, StringComparison.Ordinal)).StartTestAsync();
    }

    [Fact]
    public async Task AnErrorApologisesAndLeavesTheStateAsItWas()
    {
        await _harness.Flow().Send("hoi").AssertReply(_ => { }).Send("ja").AssertReply(_ => { }).StartTestAsync();
        var before = _harness.Storage.Get(ConversationKey)!.Value.GetRawText();

        await _harness.Flow()
            .Send("boom").AssertReply(r => Assert.StartsWith("Er ging aan onze kant iets mis", r.Text, StringComparison.Ordinal))
            .AssertReply(r => Assert.Equal(ActivityTypes.Trace, r.Type))
            .StartTestAsync();

        Assert.Equal(before, _harness.Storage.Get(ConversationKey)!.Value.GetRawText());
    }

    [Fact]
    public async Task ReRunsTheTurnWhenAnotherInstanceSavedFirst()
    {
        await _harness.Flow().Send("hoi").AssertReply(_ => { }).Send("ja").AssertReply(_ => { }).StartTestAsync();
        // A slow first turn on a busy machine also sends a typing indicator; only the next turn's replies matter here.
        while (_harness.Adapter.GetNextReply() is not null)
        {
        }

        var engine = new ScriptedTriageEngine();
        _harness.Storage.BeforeWrite = async key =>
        {
            // Another instance applies "elsewhere" to the same conversation between our read and our write.
            var store = _harness.Get<ConversationStateStore>();
            var current = (await store.LoadAsync("test", "Convo1", CancellationToken.None))!;
            var theirs = engine.TakeStep(current.State, "elsewhere", new DateOnly(2025, 3, 1));
            await store.SaveAsync("test", "Convo1", current, theirs.State, CancellationToken.None);
        };

        await _harness.Flow().Send("mine").AssertReply("Geef een getal van 0 tot 10.").AssertNoReply().StartTestAsync();

        var state = Stored();
        Assert.Equal("ja|elsewhere|mine", state.Answers["said"].Text);
        Assert.Equal(3, state.Turn);
    }

    [Fact]
    public async Task TwoConcurrentTurnsOnOneConversationAreBothAppliedInOrder()
    {
        var gate = new GatedEngine();
        using var harness = new BotHarness(gate);
        await harness.Flow().Send("hoi").AssertReply(_ => { }).Send("ja").AssertReply(_ => { }).StartTestAsync();
        gate.Hold = true;

        var first = harness.Adapter.SendTextToBotAsync("first", harness.Bot.OnTurnAsync);
        await gate.Entered.Task;
        var second = harness.Adapter.SendTextToBotAsync("second", harness.Bot.OnTurnAsync);
        await Task.Delay(50);
        gate.Release.SetResult();
        await Task.WhenAll(first, second);

        var stored = await harness.Get<ConversationStateStore>().LoadAsync("test", "Convo1", CancellationToken.None);
        var state = stored!.State;
        Assert.Equal("ja|first|second", state.Answers["said"].Text);
        Assert.Equal(3, state.Turn);
    }

    private TriageState Stored() =>
        _harness.Storage.Get(ConversationKey)!.Value.Deserialize(BotJsonContext.Default.TriageState)!;

    private sealed class GatedEngine : BotTriage.Bot.Triage.ITriageEngine
    {
        private readonly ScriptedTriageEngine _inner = new();

        public bool Hold { get; set; }

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TurnResult Start(string culture) => _inner.Start(culture);

        public TurnResult TakeStep(TriageState state, string userText, DateOnly today)
        {
            if (Hold && userText == "first")
            {
                Entered.SetResult();

                // The engine is synchronous; blocking here holds the first turn inside the conversation's lock.
                Release.Task.Wait(TimeSpan.FromSeconds(5));
            }

            return _inner.TakeStep(state, userText, today);
        }
    }
}
