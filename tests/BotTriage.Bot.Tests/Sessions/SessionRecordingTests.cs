using BotTriage.Bot.Privacy;
using BotTriage.Bot.Sessions;
using BotTriage.Bot.Tests.Fakes;

namespace BotTriage.Bot.Tests.Sessions;

/// <summary>What the bot keeps for the therapist as a conversation goes on: only with consent, and gone on erasure or retention.</summary>
public sealed class SessionRecordingTests : IDisposable
{
    private readonly ManualTimeProvider _clock = new();
    private readonly BotHarness _harness;

    public SessionRecordingTests() => _harness = new BotHarness(timeProvider: _clock);

    public void Dispose() => _harness.Dispose();

    private ISessionStore Sessions => _harness.Get<ISessionStore>();

    [Fact]
    public async Task RecordsTheSessionAndItsOutcomeOnceConsentIsGiven()
    {
        await _harness.Flow()
            .Send("hoi").AssertReply(r => Assert.StartsWith("Welkom", r.Text, StringComparison.Ordinal))
            .Send("ja").AssertReply("Wat is je klacht?")
            .Send("pijn in mijn onderrug").AssertReply("Hoe erg is de pijn, van 0 tot 10?")
            .Send("9").AssertReply("Advies: gp")
            .StartTestAsync();

        var session = await Sessions.GetAsync("test", "Convo1", CancellationToken.None);

        Assert.NotNull(session);
        Assert.Equal(SessionStatus.Completed, session.Status);
        Assert.Equal("T3", session.Urgency);
        Assert.Equal("pijn in mijn onderrug", session.State.Answers["complaint"].Text);
        Assert.Equal(_clock.GetUtcNow(), session.ConsentedAt);
        Assert.Matches("^P-[0-9A-F]{8}$", session.Pseudonym);
    }

    [Fact]
    public async Task ListsAConsentedTriageThatWasNotFinishedAsAbandoned()
    {
        await _harness.Flow()
            .Send("hoi").AssertReply(r => Assert.StartsWith("Welkom", r.Text, StringComparison.Ordinal))
            .Send("ja").AssertReply("Wat is je klacht?")
            .StartTestAsync();

        Assert.Equal(SessionStatus.Abandoned, (await Sessions.GetAsync("test", "Convo1", CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task RecordsNothingWithoutConsent()
    {
        await _harness.Flow()
            .Send("hoi").AssertReply(r => Assert.StartsWith("Welkom", r.Text, StringComparison.Ordinal))
            .Send("nee").AssertReply("Wat is je klacht?")
            .Send("pijn in mijn onderrug").AssertReply("Hoe erg is de pijn, van 0 tot 10?")
            .Send("9").AssertReply("Advies: gp")
            .StartTestAsync();

        Assert.Equal(0, (await Sessions.QueryAsync(new SessionQuery(), CancellationToken.None)).Total);
    }

    [Fact]
    public async Task ErasesTheSessionWhenThePersonAsks()
    {
        await _harness.Flow()
            .Send("hoi").AssertReply(r => Assert.StartsWith("Welkom", r.Text, StringComparison.Ordinal))
            .Send("ja").AssertReply("Wat is je klacht?")
            .Send("pijn in mijn onderrug").AssertReply("Hoe erg is de pijn, van 0 tot 10?")
            .Send("wis").AssertReply("Je gegevens zijn verwijderd.")
            .StartTestAsync();

        Assert.Null(await Sessions.GetAsync("test", "Convo1", CancellationToken.None));
        Assert.Empty(_harness.Storage.Keys);
        Assert.Empty(await _harness.Transcripts.GetActivitiesAsync("test", "Convo1", CancellationToken.None));
    }

    [Fact]
    public async Task RetentionDeletesStateTranscriptAndSessionOnlyAfterTheRetentionPeriod()
    {
        await _harness.Flow()
            .Send("hoi").AssertReply(r => Assert.StartsWith("Welkom", r.Text, StringComparison.Ordinal))
            .Send("ja").AssertReply("Wat is je klacht?")
            .Send("pijn in mijn onderrug").AssertReply("Hoe erg is de pijn, van 0 tot 10?")
            .StartTestAsync();
        var sweeper = _harness.Get<RetentionSweeper>();
        _clock.Advance(TimeSpan.FromDays(89));
        var early = await sweeper.SweepAsync(CancellationToken.None);
        Assert.Equal(0, early.Sessions);
        Assert.NotNull(await Sessions.GetAsync("test", "Convo1", CancellationToken.None));

        _clock.Advance(TimeSpan.FromDays(2));
        var result = await sweeper.SweepAsync(CancellationToken.None);

        Assert.Equal(1, result.Sessions);
        Assert.Null(await Sessions.GetAsync("test", "Convo1", CancellationToken.None));
        Assert.DoesNotContain(_harness.Storage.Keys, k => k.Contains("conversations", StringComparison.Ordinal));
        Assert.Empty(await _harness.Transcripts.GetActivitiesAsync("test", "Convo1", CancellationToken.None));
    }

    [Fact]
    public async Task TheEraserRemovesEverythingOfOneConversation()
    {
        await _harness.Flow()
            .Send("hoi").AssertReply(r => Assert.StartsWith("Welkom", r.Text, StringComparison.Ordinal))
            .Send("ja").AssertReply("Wat is je klacht?")
            .Send("pijn in mijn onderrug").AssertReply("Hoe erg is de pijn, van 0 tot 10?")
            .StartTestAsync();

        var erased = await _harness.Get<ConversationEraser>().EraseAsync("test", "Convo1", null, CancellationToken.None);

        Assert.True(erased);
        Assert.Null(await Sessions.GetAsync("test", "Convo1", CancellationToken.None));
        Assert.DoesNotContain(_harness.Storage.Keys, k => k.Contains("conversations", StringComparison.Ordinal));
        Assert.Empty(await _harness.Transcripts.GetActivitiesAsync("test", "Convo1", CancellationToken.None));
    }
}
