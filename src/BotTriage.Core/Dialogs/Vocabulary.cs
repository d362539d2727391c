using System.Collections.Immutable;
using BotTriage.Core.Triage;

namespace BotTriage.Core.Dialogs;

/// <summary>
/// The codes of the public outcome contract (README): urgency tiers, routes and massage types.
/// Routing rules may only use these, so tools reading an outcome never meet a code they do not know.
/// </summary>
public static class Vocabulary
{
    public static ImmutableArray<string> Urgencies { get; } = ["T0", "T1", "T2", "T3", "T4"];

    public static ImmutableArray<string> Routes { get; } = ["emergency-112", "gp", "physio", "psychologist", "massage", "self-care"];

    public static ImmutableArray<string> MassageTypes { get; } = ["deep-tissue", "fascia-release", "runners-legs", "relaxation", "oncology"];

    /// <summary>The answer kinds as they are written in flow.yaml.</summary>
    public static ImmutableDictionary<string, Triage.AnswerKind> AnswerKinds { get; } = new Dictionary<string, Triage.AnswerKind>
    {
        ["yes-no"] = Triage.AnswerKind.YesNo,
        ["choice"] = Triage.AnswerKind.Choice,
        ["number"] = Triage.AnswerKind.Number,
        ["scale"] = Triage.AnswerKind.Scale,
        ["body-location"] = Triage.AnswerKind.BodyLocation,
        ["duration"] = Triage.AnswerKind.Duration,
        ["free-text"] = Triage.AnswerKind.FreeText,
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>Units a duration answer can be compared in: <c>duration.weeks &gt; 12</c>.</summary>
    public static ImmutableDictionary<string, double> DurationUnits { get; } = new Dictionary<string, double>
    {
        ["seconds"] = 1,
        ["days"] = 86_400,
        ["weeks"] = 604_800,
        ["months"] = 2_592_000,
        ["years"] = 31_536_000,
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>
    /// References every condition may use besides the answers: reported red flags, contraindications, the language, and
    /// the emergency advice the person went on past (<c>emergencies has suicide</c>).
    /// </summary>
    public static ImmutableArray<string> BuiltInReferences { get; } = [RedFlags, RedFlagCount, "redflags.unsure", "contraindications", ContraindicationCount, "language", "emergencies"];

    /// <summary>The red flags reported, in conditions (<c>redflags has fever</c>); its count and doubts start with it.</summary>
    public const string RedFlags = "redflags";

    /// <summary>How many red flags were reported, in conditions: <c>redflags.count == 0</c>.</summary>
    public const string RedFlagCount = "redflags.count";

    /// <summary>How many contraindications were told, in conditions: <c>contraindications.count &gt; 0</c>.</summary>
    public const string ContraindicationCount = "contraindications.count";

    /// <summary>The most urgent tier: 112 now.</summary>
    public const string EmergencyUrgency = "T0";

    /// <summary>The prefix of a score in conditions: <c>scores.phq2 &gt;= 3</c>.</summary>
    public const string ScorePrefix = "scores.";

    /// <summary>The tier below it: call the GP now, seen within the hour.</summary>
    public const string VeryUrgent = "T1";

    /// <summary>Urgency tiers that are checked with the person before they are shown.</summary>
    public static ImmutableArray<string> ConfirmedUrgencies { get; } = [EmergencyUrgency, VeryUrgent];

    /// <summary>Texts the engine needs from texts.yaml.</summary>
    /// <summary>The plain answers' texts; each may have a question's own words as <c>KEY.QUESTION</c> (<c>answer.no.emergency-screen</c>).</summary>
    public static ImmutableArray<string> PlainAnswerKeys { get; } = ["answer.yes", "answer.no", "answer.unknown"];

    /// <summary>The buttons offered after "weet ik niet" to how long, in order; each label must read as a duration.</summary>
    public static ImmutableArray<string> RoughLengthTexts { get; } = ["duration.rough.days", "duration.rough.weeks", "duration.rough.months", "duration.rough.years"];

    public static ImmutableArray<string> RequiredTexts { get; } =
    [
        "duration.rough.days", "duration.rough.weeks", "duration.rough.months", "duration.rough.years",
        "reask", "reask.stuck", "reask.someone-else", "reask.yes-about-other", "hint.yes-no", "hint.choice", "hint.number", "hint.scale", "hint.body-location", "hint.body-location.legs", "hint.body-location.tension", "hint.duration", "hint.free-text", "explain", "explain.choice", "why.red-flag", "why.contraindication", "why.other", "duration.how-many.weeks", "duration.how-many.months", "duration.how-long",
        "noted", "reminded", "aside.employer", "aside.cost", "aside.serious", "aside.privacy", "aside.robot", "aside.booking", "aside.booking.no-massage", "corrected", "corrected.raised", "help", "greeting", "progress", "progress.last", "thanks", "thanks.done", "back.none", "restarted", "stopped", "stopped.again", "stopped.mood", "finished", "language.switched", "language.other",
        "erase.confirm", "erase.done", "erase.cancelled", "emergency.medical", "emergency.suicide", "emergency.suicide.someone-else", "emergency.suicide.continue", "emergency.suicide.someone-else.continue", "emergency.suicide.someone-else.declined", "emergency.suicide.continue.choice", "emergency.suicide.resumed", "emergency.suicide.unsafe", "emergency.suicide.in-danger",
        "answer.yes", "answer.no", "answer.unknown", "answer.about", "evidence.answered", "evidence.labelled", "list.and", "age.years", "age.over", "age.under", "age.between",
        "outcome.intro", "outcome.urgency.T0", "outcome.urgency.T1", "outcome.urgency.T2", "outcome.urgency.T3", "outcome.urgency.T4",
        "outcome.urgency.none", "outcome.urgency.none.doctor-first", "outcome.urgency.none.doctor-first.pregnancy", "outcome.urgency.none.psychologist", "outcome.routes", "outcome.massage", "outcome.reasons", "outcome.tell-gp", "outcome.disclaimer",
        "route.emergency-112", "route.gp", "route.physio", "route.psychologist", "route.massage", "route.self-care",
        "massage.deep-tissue", "massage.fascia-release", "massage.runners-legs", "massage.relaxation", "massage.oncology",
        "noted.red-flag.yes", "noted.red-flag.no", "noted.red-flag.unknown",
        "confirm.question", "confirm.question.next", "confirm.generic", "confirm.mentioned", "confirm.changed", "confirm.dropped", "ask.partly-denied", "ask.how-often", "consent.declined",
        "unit.hour", "unit.hours", "unit.day", "unit.days", "unit.week", "unit.weeks", "unit.month", "unit.months", "unit.year", "unit.years",
    ];

    /// <summary>Commands understood at any point, each with its words in texts.yaml.</summary>
    public static ImmutableArray<string> Commands { get; } = ["help", "back", "restart", "stop", "english", "dutch", "erase", "greeting", "progress", "thanks", "continue"];

    /// <summary>
    /// Word lists that change how a message is read: the words that announce a correction; the words for the legs
    /// as a whole, which name no place the triage can go on with (a calf asks other questions than a knee), so the
    /// person is asked where in the legs; and the words for tension or stress, which name no place either, so the
    /// person is asked where they feel it.
    /// </summary>
    public static ImmutableArray<string> Cues { get; } = ["correction", "reminder", "previous", "comes-and-goes", "agreement", "what-now", "since", "either", "addition", "joined", "why", "legs", "tension", "polite", "erase-verbs", "erase-objects", "employer", "cost", "serious", "emergency-question", "emergency-question-end", "instead-not", "instead-but", "privacy", "robot", "booking", "secret", "worse", "not-worse"];

    /// <summary>The commands that may be said with polite words around them (texts.yaml <c>cues.polite</c>): "can we switch to Dutch?".</summary>
    public static ImmutableArray<string> PoliteCommands { get; } = ["erase", "english", "dutch", "restart", "stop", "continue"];

    /// <summary>The sides a body location can be said with, each named in texts.yaml (<c>side.left</c>).</summary>
    public static ImmutableArray<BodySide> Sides { get; } = [BodySide.Left, BodySide.Right, BodySide.Both];
}
