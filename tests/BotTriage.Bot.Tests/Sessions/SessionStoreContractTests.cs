using System.Collections.Immutable;
using BotTriage.Bot.Sessions;
using BotTriage.Core.Triage;
using BotTriage.Testing;

namespace BotTriage.Bot.Tests.Sessions;

/// <summary>The behaviour every <see cref="ISessionStore"/> must have; each provider's test class inherits it.</summary>
public abstract class SessionStoreContractTests : IDisposable
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));
    private ISessionStore? _store;

    protected ManualTimeProvider Clock { get; } = new();

    protected ISessionStore Store => _store ??= CreateStore();

    protected CancellationToken Token => _timeout.Token;

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected abstract ISessionStore CreateStore();

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            (_store as IDisposable)?.Dispose();
            _timeout.Dispose();
        }
    }

    /// <summary>A consented session started now on the test clock.</summary>
    protected SessionRecord Session(string conversationId, string channelId = "webchat", TriageOutcome? outcome = null, string said = "pijn in mijn onderrug") => new()
    {
        ChannelId = channelId,
        ConversationId = conversationId,
        Pseudonym = "P-0000",
        Started = Clock.GetUtcNow(),
        ConsentedAt = Clock.GetUtcNow(),
        Updated = Clock.GetUtcNow(),
        State = new TriageState
        {
            Step = outcome is null ? "pain" : "done",
            Culture = "nl",
            Outcome = outcome,
            History = ["consent", "complaint"],
            Answers = ImmutableSortedDictionary<string, Answer>.Empty
                .Add("consent", new Answer { Kind = AnswerKind.YesNo, YesNo = YesNo.Yes, Evidence = "ja" })
                .Add("complaint", new Answer { Kind = AnswerKind.FreeText, Text = said, Evidence = said }),
        },
    };

    protected static TriageOutcome Outcome(string urgency, string[] routes, string[]? redFlags = null, bool emergency = false) => new()
    {
        Urgency = urgency,
        Routes = [.. routes],
        RedFlags = [.. redFlags ?? []],
        Completed = !emergency,
        Emergency = emergency,
        Reasons = [new OutcomeReason("rule", "because") { Evidence = ["koorts"] }],
    };

    [Fact]
    public async Task AStoredSessionReadsBackWithItsStateAndDerivedColumns()
    {
        var session = Session("c1", outcome: Outcome("T2", ["gp"], ["fever"]), said: "<script>alert(1)</script> ëü");

        await Store.UpsertAsync(session, Token);

        var read = await Store.GetAsync("webchat", "c1", Token);
        Assert.NotNull(read);
        Assert.Equal(session.Started, read.Started);
        Assert.Equal("P-0000", read.Pseudonym);
        Assert.Equal("<script>alert(1)</script> ëü", read.State.Answers["complaint"].Text);
        Assert.Equal("T2", read.Urgency);
        Assert.Equal(["gp"], read.Routes);
        Assert.Equal(["fever"], read.RedFlags);
        Assert.Equal(SessionStatus.Completed, read.Status);
        Assert.Equal(["koorts"], read.State.Outcome!.Reasons[0].Evidence);
    }

    [Fact]
    public async Task ReplacingASessionKeepsWhenItStartedAndWhenConsentWasGiven()
    {
        var first = Session("c1");
        await Store.UpsertAsync(first, Token);
        Clock.Advance(TimeSpan.FromMinutes(5));

        await Store.UpsertAsync(Session("c1", outcome: Outcome("none", ["massage"])), Token);

        var read = await Store.GetAsync("webchat", "c1", Token);
        Assert.Equal(first.Started, read!.Started);
        Assert.Equal(first.ConsentedAt, read.ConsentedAt);
        Assert.Equal(Clock.GetUtcNow(), read.Updated);
        Assert.Equal(["massage"], read.Routes);
    }

    [Fact]
    public async Task ListsNewestFirstWithPagingAndTheTotal()
    {
        foreach (var id in new[] { "a", "b", "c", "d", "e" })
        {
            await Store.UpsertAsync(Session(id), Token);
            Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var page = await Store.QueryAsync(new SessionQuery { Skip = 1, Take = 2 }, Token);

        Assert.Equal(5, page.Total);
        Assert.Equal(["d", "c"], page.Items.Select(s => s.ConversationId));
    }

    [Fact]
    public async Task FiltersByUrgencyRouteRedFlagChannelDateAndConversationId()
    {
        var start = Clock.GetUtcNow();
        await Store.UpsertAsync(Session("conv-red", outcome: Outcome("T1", ["gp"], ["numbness"])), Token);
        Clock.Advance(TimeSpan.FromDays(1));
        await Store.UpsertAsync(Session("conv-physio", "msteams", Outcome("none", ["physio", "massage"])), Token);
        Clock.Advance(TimeSpan.FromDays(1));
        await Store.UpsertAsync(Session("conv-open"), Token);

        Assert.Equal(["conv-red"], await Ids(new SessionQuery { Urgency = "T1" }));
        Assert.Equal(["conv-physio"], await Ids(new SessionQuery { Route = "massage" }));
        Assert.Empty(await Ids(new SessionQuery { Route = "mass" }));
        Assert.Equal(["conv-red"], await Ids(new SessionQuery { HasRedFlag = true }));
        Assert.Equal(["conv-open", "conv-physio"], await Ids(new SessionQuery { HasRedFlag = false }));
        Assert.Equal(["conv-physio"], await Ids(new SessionQuery { ChannelId = "msteams" }));
        Assert.Equal(["conv-physio"], await Ids(new SessionQuery { From = start.AddHours(12), To = start.AddHours(36) }));
        Assert.Equal(["conv-open"], await Ids(new SessionQuery { ConversationId = "open" }));
    }

    [Fact]
    public async Task ASessionUnderWayIsRedFlaggedByARedFlagAnsweredYesNotByOneAnsweredNo()
    {
        static SessionRecord Answered(SessionRecord session, string question, YesNo answer) => session with
        {
            State = session.State with { Answers = session.State.Answers.Add(question, new Answer { Kind = AnswerKind.YesNo, YesNo = answer, Evidence = "x" }) },
        };

        await Store.UpsertAsync(Answered(Session("conv-yes"), "redflag.night_pain", YesNo.Yes), Token);
        await Store.UpsertAsync(Answered(Session("conv-no"), "redflag.night_pain", YesNo.No), Token);
        await Store.UpsertAsync(Answered(Session("conv-other"), "smoker", YesNo.Yes), Token);

        Assert.Equal(["conv-yes"], await Ids(new SessionQuery { HasRedFlag = true }));
        var read = await Store.GetAsync("webchat", "conv-yes", Token);
        Assert.True(read!.HasRedFlag);
        Assert.Equal(["night_pain"], read.RedFlags);
        Assert.False((await Store.GetAsync("webchat", "conv-no", Token))!.HasRedFlag);
    }

    [Fact]
    public async Task DeletesOneSession()
    {
        await Store.UpsertAsync(Session("c1"), Token);
        await Store.UpsertAsync(Session("c2"), Token);

        Assert.True(await Store.DeleteAsync("webchat", "c1", Token));

        Assert.Null(await Store.GetAsync("webchat", "c1", Token));
        Assert.NotNull(await Store.GetAsync("webchat", "c2", Token));
        Assert.False(await Store.DeleteAsync("webchat", "c1", Token));
    }

    [Fact]
    public async Task DeletesSessionsNotUpdatedSinceTheCutoffAndSaysWhich()
    {
        await Store.UpsertAsync(Session("old"), Token);
        Clock.Advance(TimeSpan.FromDays(10));
        await Store.UpsertAsync(Session("new"), Token);

        var deleted = await Store.DeleteOlderThanAsync(Clock.GetUtcNow().AddDays(-5), Token);

        Assert.Equal([new SessionKey("webchat", "old")], deleted);
        Assert.Equal(["new"], await Ids(new SessionQuery()));
    }

    [Fact]
    public async Task DerivesTheStatusFromTheOutcome()
    {
        await Store.UpsertAsync(Session("emergency", outcome: Outcome("T0", ["emergency-112"], emergency: true)), Token);
        await Store.UpsertAsync(Session("open"), Token);

        Assert.Equal(SessionStatus.Emergency, (await Store.GetAsync("webchat", "emergency", Token))!.Status);
        Assert.Equal(SessionStatus.Abandoned, (await Store.GetAsync("webchat", "open", Token))!.Status);
    }

    private async Task<string[]> Ids(SessionQuery query) =>
        [.. (await Store.QueryAsync(query, Token)).Items.Select(s => s.ConversationId)];
}
