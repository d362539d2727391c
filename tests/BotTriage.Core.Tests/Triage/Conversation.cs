using BotTriage.Core.Dialogs;
using BotTriage.Core.Triage;

namespace BotTriage.Core.Tests.Triage;

/// <summary>
/// A conversation with the engine that reads like the chat, in the style of the Bot Framework's TestFlow:
/// <c>Send(...)</c> queues the bot's replies and each <c>AssertReply</c> takes the next one in order.
/// </summary>
public sealed class Conversation
{
    public static readonly DateOnly Today = new(2026, 11, 21);

    private static readonly Lazy<TriageEngine> ShippedEngine = new(() => new TriageEngine(DialogLoader.LoadDirectory(DialogPaths.Default)));

    private readonly TriageEngine _engine;
    private readonly Queue<Reply> _replies = new();

    private Conversation(TriageEngine engine, TurnResult start)
    {
        _engine = engine;
        State = start.State;
        Enqueue(start);
    }

    public TriageState State { get; private set; }

    public TurnResult? LastTurn { get; private set; }

    public static TriageEngine Engine => ShippedEngine.Value;

    public static Conversation Start(string culture = "nl", TriageEngine? engine = null)
    {
        var chosen = engine ?? Engine;
        return new Conversation(chosen, chosen.Start(culture));
    }

    /// <summary>Sends a message; replies of earlier turns that were not asserted are dropped.</summary>
    public Conversation Send(string text)
    {
        _replies.Clear();
        var turn = _engine.Step(State, text, Today);
        LastTurn = turn;
        State = turn.State;
        Enqueue(turn);
        return this;
    }

    /// <summary>Sends several messages, ignoring the replies in between.</summary>
    public Conversation SendAll(params string[] texts)
    {
        foreach (var text in texts)
        {
            Send(text);
            _replies.Clear();
        }

        return this;
    }

    public Conversation AssertReply(string expected)
    {
        Assert.Equal(expected, Next().Text);
        return this;
    }

    public Conversation AssertReply(Action<Reply> check)
    {
        check(Next());
        return this;
    }

    public Conversation AssertReplyContains(string fragment)
    {
        var reply = Next();
        Assert.Contains(fragment, reply.Text, StringComparison.Ordinal);
        return this;
    }

    public Conversation AssertNoReply()
    {
        Assert.Empty(_replies);
        return this;
    }

    /// <summary>
    /// Answers each question the plainest way (no, a week, no pain, the first choice of how much or how often) until
    /// <paramref name="done"/> holds or the result is in; returns the questions it answered, in order.
    /// </summary>
    public List<string> AnswerPlainlyUntil(Func<TriageState, bool> done, int most = 60)
    {
        var answered = new List<string>();
        while (!done(State) && State.Outcome is null && answered.Count < most)
        {
            var english = Cultures.IsEnglish(State.Culture);
            answered.Add(State.Step);
            Send(State.Step switch
            {
                "duration" => "1 week",
                "pain" => "0",
                "bother" or "phq-interest" or "phq-down" or "gad-nervous" or "gad-worry" => english ? "not at all" : "helemaal niet",
                _ => english ? "no" : "nee",
            });
        }

        return answered;
    }

    public Conversation AssertStep(string step)
    {
        Assert.Equal(step, State.Step);
        return this;
    }

    public Conversation SkipReplies()
    {
        _replies.Clear();
        return this;
    }

    private Reply Next()
    {
        Assert.True(_replies.Count > 0, "The bot sent no further reply.");
        return _replies.Dequeue();
    }

    private void Enqueue(TurnResult turn)
    {
        foreach (var reply in turn.Replies)
        {
            _replies.Enqueue(reply);
        }
    }
}
