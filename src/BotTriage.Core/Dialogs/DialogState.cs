using System.Collections.Immutable;
using BotTriage.Core.Conditions;
using BotTriage.Core.Triage;

namespace BotTriage.Core.Dialogs;

/// <summary>
/// One state of the triage flow: a question with the kind of answer it expects, or an outcome.
/// The state's id is also the key its answer is stored under.
/// </summary>
public sealed record DialogState
{
    private readonly string? _redFlag;
    private readonly ImmutableList<string> _recognizes = [];
    private readonly ImmutableList<string> _signals = [];

    public required string Id { get; init; }

    public required AnswerKind Kind { get; init; }

    public required LocalizedText Question { get; init; }

    public ImmutableList<DialogChoice> Choices { get; init; } = [];

    public ImmutableList<DialogTransition> Transitions { get; init; } = [];

    /// <summary>True for a state that ends the triage and shows the result.</summary>
    public bool IsOutcome { get; init; }

    /// <summary>For an outcome state reached by an emergency screen: <c>medical</c> or <c>suicide</c>, whose advice it gives.</summary>
    public string? Emergency { get; init; }

    /// <summary>For a yes/no question about a red flag: the flag's code, so a "yes" records it and free text can answer it.</summary>
    public string? RedFlag
    {
        get => _redFlag;
        init
        {
            _redFlag = value;
            _signals = SignalsOf(_redFlag, _recognizes);
        }
    }

    /// <summary>
    /// For a yes/no question that is not itself a red flag: codes from the red-flag lexicon whose mention answers it
    /// ("ik heb botontkalking" answers the osteoporosis question) without reporting a red flag. A screening question
    /// lists several: a mention of any of them is a yes, and only mentions that are all denied are a no. For a red-flag
    /// question: more codes whose mention answers it yes, as its own does ("prednison" to whether the immune system is
    /// weakened); denied, they say nothing of it.
    /// </summary>
    public ImmutableList<string> Recognizes
    {
        get => _recognizes;
        init
        {
            _recognizes = value ?? [];
            _signals = SignalsOf(_redFlag, _recognizes);
        }
    }

    /// <summary>
    /// The lexicon codes whose mention in free text answers this question: the red flag and <see cref="Recognizes"/>.
    /// Worked out when either is set, since the engine reads it for every question on every turn.
    /// </summary>
    public ImmutableList<string> Signals => _signals;

    /// <summary>True when a mention in free text can answer this question.</summary>
    public bool HasSignal => !_signals.IsEmpty;

    private static ImmutableList<string> SignalsOf(string? redFlag, ImmutableList<string> recognizes) =>
        redFlag is not { } flag ? recognizes : recognizes.Contains(flag) ? recognizes : recognizes.Insert(0, flag);

    /// <summary>
    /// For a red-flag question about several signs: the other signs it asks about, each a red flag of its own ("of had je
    /// kort geleden een infectie?"). A yes that names one of them and not the question's own sign records that sign
    /// only: "ja, twee weken geleden griep" is a recent infection, not a weakened immune system.
    /// </summary>
    public ImmutableList<string> Covers { get; init; } = [];

    /// <summary>For a yes/no question about a massage contraindication: its code in contraindications.yaml.</summary>
    public string? Contraindication { get; init; }

    /// <summary>
    /// For a yes/no question: words that are a yes to this question only, said as the whole message ("prima" to
    /// "may I keep your answers?", where at a red-flag question it would mean "I'm fine"). Both languages.
    /// </summary>
    public ImmutableArray<string> AlsoYes { get; init; } = [];

    /// <summary>
    /// For a yes/no question about the person's age: an age said as the whole answer ("ik ben 62", "45") is a yes
    /// within these ages and a no outside them, whatever yes or no stands beside it.
    /// </summary>
    public AgeRange? YesForAge { get; init; }

    /// <summary>The question is asked only when this holds; otherwise the flow passes it by.</summary>
    public Condition? AskWhen { get; init; }

    /// <summary>
    /// Once this holds and the questions it reads have been asked, the question (when it is asked at all and not
    /// answered yet) comes next, before the questions between; the flow then goes back to the first of those. The chest
    /// named as a place asks about chest pain at once.
    /// </summary>
    public Condition? FirstWhen { get; init; }

    /// <summary>The optional module this question belongs to; it is asked only when the module is switched on.</summary>
    public string? Module { get; init; }

    /// <summary>For a choice question whose codes are <c>nl</c> and <c>en</c>: the answer sets the conversation's language.</summary>
    public bool SetsLanguage { get; init; }

    /// <summary>
    /// For a question about a sign that counts only when it lasts ("tintelingen die niet overgaan"): a mention told in
    /// passing with words that it comes and goes (<c>cues.comes-and-goes</c> in texts.yaml, in the mention's clause)
    /// does not answer it; the question asks.
    /// </summary>
    public bool Lasting { get; init; }

    /// <summary>
    /// For a question about several signs at once ("koorts of koude rillingen, of voel je je erg ziek?"): a no told in
    /// passing ("onderrug, geen koorts") may deny only one of them, so it is noted and the question still asks, with
    /// what was said.
    /// </summary>
    public bool Several { get; init; }

    /// <summary>
    /// A yes told in passing, in an answer to where the complaint is, does not answer the question while this holds:
    /// "both legs" after a race told before is the legs' sides, no sign of the nerves. Told to any other question, it
    /// does. The question still asks when it is due.
    /// </summary>
    public Condition? PassingUnless { get; init; }

    /// <summary>
    /// For a question about a sign felt in the whole body (fever): a place told beside a yes to it ("ja, 39 graden en
    /// barstende hoofdpijn") is a complaint as well, and joins the places named before, as one told after "en ook" does.
    /// </summary>
    public bool JoinsPlaces { get; init; }

    /// <summary>
    /// For a red-flag question: the statement a very urgent (T0/T1) result checks with the person before it is shown,
    /// completing "Klopt het dat ...?".
    /// </summary>
    public LocalizedText? Confirm { get; init; }

    /// <summary>
    /// What a message the question cannot take is told instead of the hint of its kind ("you can answer yes, no or
    /// don't know"): the contraindication list says that only what is on it counts here.
    /// </summary>
    public LocalizedText? Hint { get; init; }

    /// <summary>
    /// The question in short, asked instead of the whole question right after a message it could not take: the welcome
    /// is not said again in full, only whether the answers may be kept.
    /// </summary>
    public LocalizedText? Again { get; init; }

    /// <summary>
    /// What the question asks, in a few words ("stress of slecht slapen"): an answer given as a reason is quoted by it,
    /// "stress of slecht slapen: ja", not with the whole question. A question about a red flag or a contraindication
    /// without one is quoted by that sign's name.
    /// </summary>
    public LocalizedText? Label { get; init; }

    /// <summary>
    /// What the question means, said after its <see cref="Why"/> when the person asks back ("wat bedoel je met veel?",
    /// "does aspirin count?") before the question is asked again. Without either, the question's <see cref="Hint"/> or
    /// the explanation of its kind is said.
    /// </summary>
    public LocalizedText? Explain { get; init; }

    /// <summary>
    /// Why the question is asked, said alone when that is what the person asks ("waarom wil je dat weten?"). Without it
    /// the engine's text for what the question is about is said (a warning sign, a contraindication, or else).
    /// </summary>
    public LocalizedText? Why { get; init; }

    /// <summary>
    /// For a yes-no question whose plain "ja" or "nee" would be unclear ("hetzelfde gebleven of erger?"): its own
    /// button labels by trigger (<c>yes</c>, <c>no</c>, <c>unknown</c>); the others keep the plain ones. A pressed button
    /// sends its label, so each must read as its answer to the question (the loader checks).
    /// </summary>
    public ImmutableDictionary<string, LocalizedText> Buttons { get; init; } = ImmutableDictionary<string, LocalizedText>.Empty;

    /// <summary>Smallest and largest accepted number, for number and scale questions.</summary>
    public double? Min { get; init; }

    public double? Max { get; init; }

    public required SourceLine Source { get; init; }

    /// <summary>The answers that can leave this state, which are the triggers of its transitions.</summary>
    public ImmutableArray<string> Triggers => Kind switch
    {
        AnswerKind.YesNo => [Trigger.Yes, Trigger.No, Trigger.Unknown],
        AnswerKind.Choice => [.. Choices.Select(c => c.Code)],
        _ => IsOutcome ? [] : [Trigger.Answered],
    };
}
