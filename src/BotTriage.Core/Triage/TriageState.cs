using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace BotTriage.Core.Triage;

/// <summary>
/// Everything the engine knows about one conversation. Immutable, changed with <c>with</c>,
/// and stored as JSON after every turn, so it must round-trip without loss.
/// </summary>
public sealed record TriageState
{
    /// <summary>The id of the dialog state the conversation is in.</summary>
    public required string Step { get; init; }

    /// <summary>The conversation's language: <c>nl</c> or <c>en</c>.</summary>
    public required string Culture { get; init; }

    /// <summary>No answers yet, keyed by question id compared ordinally.</summary>
    public static ImmutableSortedDictionary<string, Answer> NoAnswers { get; } = ImmutableSortedDictionary<string, Answer>.Empty.WithComparers(StringComparer.Ordinal);

    private readonly ImmutableSortedDictionary<string, Answer> _answers = NoAnswers;

    /// <summary>
    /// Answers by question id. Keys are compared ordinally whatever dictionary is given: ids are codes, not words, and
    /// they are looked up many times a turn, where a culture-aware comparison would cost far more and could depend on
    /// the machine's culture.
    /// </summary>
    public ImmutableSortedDictionary<string, Answer> Answers
    {
        get => _answers;
        init => _answers = value is null ? NoAnswers : ReferenceEquals(value.KeyComparer, StringComparer.Ordinal) ? value : value.WithComparers(StringComparer.Ordinal);
    }

    /// <summary>The steps that were asked, oldest first; <c>back</c> walks this.</summary>
    public ImmutableList<string> History { get; init; } = [];

    /// <summary>
    /// Answer keys the person confirmed when a very urgent result was checked with them ("Klopt het dat ...?"), and
    /// those whose question was asked again after a no to that check: what they answer then is not checked again.
    /// </summary>
    public ImmutableList<string> Confirmed { get; init; } = [];

    /// <summary>While a very urgent result is being checked: the answer key it asks about.</summary>
    public string? Confirming { get; init; }

    /// <summary>The result, once the triage has one.</summary>
    public TriageOutcome? Outcome { get; init; }

    /// <summary>How many turns this conversation has had; lets stores and tests see progress.</summary>
    public int Turn { get; init; }

    /// <summary>
    /// The channel's id of the message this state last applied. A channel that did not hear back in time sends the
    /// same message again; with its id here, it is not applied twice.
    /// </summary>
    public string? LastMessageId { get; init; }

    /// <summary>
    /// How many messages in a row the current question did not understand; every third re-ask offers a way out. Not
    /// written while 0, so a state without it reads as none.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int Misses { get; init; }

    /// <summary>
    /// After "al weken" to how long, or told with the answer before it ("al weken last van mijn nek"): the unit (in
    /// seconds) the bot then asked the number of, so that "8" is 8 weeks. Kept only while that question waits for its
    /// answer.
    /// </summary>
    public long? DurationUnitAsked { get; init; }

    /// <summary>
    /// True once the duration question offered rough lengths after "weet ik niet": a second "weet ik niet" is then taken
    /// as not known, and the questions go on. Not written while false.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool RoughLengthsOffered { get; init; }

    /// <summary>
    /// True while where in the legs is asked after places were noted with the legs beside them ("rug en been"): the
    /// places told next join those. Not written while false.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool LegsAsked { get; init; }

    /// <summary>
    /// The side the legs were named with while where in them is asked ("linkerbeen", "lower back and left leg"): the
    /// places told next without a side of their own are on it. Not written while unspecified.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public BodySide LegsSide { get; init; }

    /// <summary>
    /// True once the complaint was told on behalf of someone else ("mijn vader heeft rugpijn"): the conversation is about
    /// that person, and what is told of another is theirs. Not written while false.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool OnBehalf { get; init; }

    /// <summary>
    /// True once a message was read in the other language (see <c>language.other</c>) and the bot offered to go on in
    /// it: said once per conversation. Not written while false.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool OtherLanguageOffered { get; init; }

    /// <summary>
    /// True once the person was given the suicide-prevention advice (113) and chose to go on with the questions: the
    /// result then says it again (routing's <c>emergencies has suicide</c>). Not written while false.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool ContinuedAfterSuicideAdvice { get; init; }

    /// <summary>
    /// The person's own words that led to the suicide-prevention advice, once they chose to go on: what the result's
    /// reason for it quotes. Not written while null.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public string? SuicideAdviceWords { get; init; }

    /// <summary>
    /// The question the last message answered as it was asked: what "nee wacht, toch wel" at the next one may take back.
    /// Not written while null.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public string? LastAnswered { get; init; }

    /// <summary>
    /// The question last asked once more because the message after its answer took that answer back: it is not asked
    /// again for the same words. Not written while null.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public string? AskedAgain { get; init; }

    /// <summary>
    /// Questions about several signs that a no told in passing denied part of, with its words ("geen koorts"): each is
    /// still asked, saying what was told. Not written while null.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public ImmutableSortedDictionary<string, string>? PartlyDenied { get; init; }

    /// <summary>True once the person agreed that the answers may be kept for the therapist.</summary>
    [JsonIgnore]
    public bool ConsentGiven => Answers.TryGetValue(ConsentQuestion, out var a) && a.YesNo == YesNo.Yes;

    /// <summary>The id of the question that asks whether the answers may be kept.</summary>
    public const string ConsentQuestion = "consent";
}
