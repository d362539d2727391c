using System.Buffers;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using BotTriage.Core.Dialogs;
using BotTriage.Core.Understanding;
using BotTriage.Core.Understanding.Lexicons;

namespace BotTriage.Core.Triage;

/// <summary>
/// The triage as a pure function: (conversation state, user message, today) → (new state, replies). It keeps no state
/// of its own, so one engine serves every conversation, and the same inputs always give the same result.
/// Each turn, in order: an emergency phrase anywhere interrupts; a command (help, back, restart, stop, language,
/// erase) is carried out; otherwise the message answers the current question and, where it says more, the
/// questions ahead, which are then skipped; a message that answers nothing gets a re-ask with an example.
/// </summary>
public sealed class TriageEngine
{
    /// <summary>Pseudo-steps outside the flow.</summary>
    public const string EmergencyStep = "@emergency";
    public const string StoppedStep = "@stopped";
    public const string EraseStep = "@erase";
    public const string ConfirmStep = "@confirm";

    private const int MaxPoliteCommandLength = 80;

    // The longest message (normalized) read for a request to delete the data in other words.
    private const int MaxEraseRequestLength = 100;

    // The location code of no complaint at all (codes.yaml): a person who only wants to relax.
    private const string NoComplaint = "no-complaint";

    // The location codes of the leg as a whole and of the whole body (codes.yaml).
    private const string WholeLeg = "leg";
    private const string WholeBody = "whole-body";

    // Where in the legs: asked after "mijn benen", or after a place with the legs beside it ("rug en been").
    private const string LegsHint = "hint.body-location.legs";

    // A letter no message is expected to hold, standing in for a place in a leg while a message is searched for leg words.
    private const char LegPlaceMark = '\u01C2';

    private const int MaxEvidenceLength = 500;

    // Every third message in a row that the current question does not take gets a way out instead of the plain re-ask.
    private const int StuckAfter = 3;

    private readonly DialogSet _dialogs;
    private readonly FlowNavigator _navigator;

    // Worked out once from the dialogs rather than on every turn: the questions a message can answer besides the
    // current one (in flow order), the command words, the correction cues and the choice labels as they are compared,
    // and the choice lists of the questions in each language.
    private readonly DialogState[] _extraQuestions;

    // The codes a question that can be answered in passing takes up; any other red flag told is kept as one in passing.
    private readonly FrozenSet<string> _answeredSignals;

    // The codes the flow asks about that are no red flags: contraindications and context (blood-thinners, sport).
    private readonly FrozenSet<string> _contextCodes;
    // The codes of the flow's warning-sign questions (flow.yaml red-flag).
    private readonly FrozenSet<string> _signCodes;
    private readonly FrozenSet<string> _contraindicationCodes;
    private readonly string _resultStep;
    private readonly string _locationStep;
    private readonly FrozenSet<string> _asideQuestions;
    private readonly FrozenSet<string> _besidesQuestions;
    private readonly FrozenSet<string> _pastEmergencySigns;

    // Questions with a first-when (the chest-pain question once the chest is named), in flow order, each with the
    // questions its condition reads: it is asked first only once those have been asked.
    private readonly (DialogState Question, string[] After)[] _askedFirst;
    private readonly FrozenDictionary<string, int> _commandWords;
    private readonly string[] _correctionCues;
    private readonly string[] _politeWords;
    private readonly string[] _employerCues;
    private readonly string[] _costCues;
    private readonly string[] _seriousCues;
    private readonly string[] _emergencyQuestionCues;
    private readonly string[] _emergencyQuestionEnds;
    private readonly string[] _insteadNot;
    private readonly string[] _insteadBut;
    private readonly string[] _privacyCues;
    private readonly string[] _robotCues;
    private readonly string[] _bookingCues;
    private readonly string[] _secretCues;
    private readonly string[] _worseCues;
    private readonly string[] _notWorseCues;
    private readonly string[] _eraseVerbs;
    private readonly string[] _eraseObjects;
    private readonly string[] _additionCues;
    private readonly string[] _previousCues;
    private readonly string[] _comesAndGoesCues;
    private readonly string[] _agreementCues;
    private readonly string[] _joinedCues;
    private readonly string[] _whyCues;
    private readonly string[] _whatNowCues;
    private readonly string[] _reminderCues;
    private readonly string[] _eitherCues;
    private readonly string[] _sinceCues;
    private readonly FrozenSet<string> _screens;
    private readonly FrozenDictionary<string, string[]> _legsCues;
    private readonly string[] _tensionCues;
    private readonly FrozenDictionary<string, NormalizedChoice[]> _choiceLabels;
    private readonly FrozenDictionary<string, FrozenSet<string>> _alsoYes;
    private readonly FrozenDictionary<string, ImmutableList<Choice>> _choicesNl;
    private readonly FrozenDictionary<string, ImmutableList<Choice>> _choicesEn;
    private readonly ImmutableList<Choice> _yesNoNl;
    private readonly ImmutableList<Choice> _yesNoEn;
    private readonly ImmutableList<Choice> _roughLengthsNl;
    private readonly ImmutableList<Choice> _roughLengthsEn;

    // The places in a leg and the leg itself: "straalt uit naar mn linkerbeen tot in mn tenen" runs into the left leg.
    private readonly FrozenSet<string> _legCodes;

    // The single words of the legs cues by language ("been", "linkerbeen", "leg"): a leg the pain runs into.
    private readonly FrozenDictionary<string, FrozenSet<string>> _legWords;

    public TriageEngine(DialogSet dialogs)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        _dialogs = dialogs;
        _navigator = new FlowNavigator(dialogs.Flow, dialogs.Contraindications);
        // A question whose yes is an emergency (the emergency screen) only decides the next step: it is answered when
        // asked, and a sign of its own told later ("het werd zwart voor mijn ogen") is a red flag in passing, which the
        // routing sees, not a changed answer, which it would not.
        var screens = Flow.States.Where(s => s.Transitions.Any(t => t.On == Trigger.Yes && Flow.TryGet(t.To, out var to) && to.Emergency is not null)).ToHashSet();
        _screens = screens.Select(s => s.Id).ToFrozenSet(StringComparer.Ordinal);
        _extraQuestions = [.. Flow.States.Where(s => !s.IsOutcome && Flow.IsActive(s) && CanAnswerInPassing(s) && !screens.Contains(s))];
        _answeredSignals = Flow.States.Where(s => !screens.Contains(s)).SelectMany(s => s.Signals).ToFrozenSet(StringComparer.Ordinal);
        var redFlagCodes = Flow.States.Where(s => s.RedFlag is not null).Select(s => s.RedFlag!).ToHashSet(StringComparer.Ordinal);
        _signCodes = redFlagCodes.ToFrozenSet(StringComparer.Ordinal);
        _contextCodes = Flow.States.Where(s => s.RedFlag is null && !screens.Contains(s)).SelectMany(s => s.Signals).Where(c => !redFlagCodes.Contains(c)).ToFrozenSet(StringComparer.Ordinal);
        _contraindicationCodes = dialogs.Contraindications.Select(rule => rule.Code).ToFrozenSet(StringComparer.Ordinal);
        _resultStep = Flow.States.First(s => s.IsOutcome && s.Emergency is null).Id;
        _locationStep = Flow.States.First(s => s.Kind == AnswerKind.BodyLocation).Id;
        // Questions about what matters only without warning signs (contraindications, sport, desk work, stress): asked
        // only while no red flag is told.
        _asideQuestions = Flow.States.Where(s => s.HasSignal && s.AskWhen is { } when && when.References.Contains(Vocabulary.RedFlagCount)).Select(s => s.Id).ToFrozenSet(StringComparer.Ordinal);
        // Plain questions asked only once contraindications are told: whether anything applies besides those.
        _besidesQuestions = Flow.States.Where(s => s.Kind == AnswerKind.YesNo && !s.HasSignal && s.AskWhen is { } when && when.References.Contains(Vocabulary.ContraindicationCount)).Select(s => s.Id).ToFrozenSet(StringComparer.Ordinal);
        _pastEmergencySigns = PastEmergencySigns(dialogs);
        _askedFirst = [.. Flow.States.Where(s => s.FirstWhen is not null && !s.IsOutcome).Select(s => (s, s.FirstWhen!.References.Where(Flow.Contains).ToArray()))];
        var commandWords = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Vocabulary.Commands.Length; i++)
        {
            foreach (var word in Texts.Commands[Vocabulary.Commands[i]])
            {
                commandWords.TryAdd(word, i);
            }
        }

        _commandWords = commandWords.ToFrozenDictionary(StringComparer.Ordinal);
        _correctionCues = Cues("correction");
        _additionCues = Cues("addition");
        _previousCues = Cues("previous");
        _comesAndGoesCues = Cues("comes-and-goes");
        _agreementCues = Cues("agreement");
        _joinedCues = Cues("joined");
        _whyCues = Cues("why");
        _whatNowCues = Cues("what-now");
        _reminderCues = Cues("reminder");
        _eitherCues = Cues("either");
        _sinceCues = Cues("since");
        // By language: the Dutch "been" is a leg, the English "been" none ("it has been hurting").
        _legsCues = Texts.CommandsByCulture.ToFrozenDictionary(p => p.Key, p => p.Value["legs"].Select(word => $" {word} ").ToArray(), StringComparer.Ordinal);
        _tensionCues = Cues("tension");
        _politeWords = [.. Texts.Commands["polite"].Select(Normalize).Where(w => w.Length > 0).OrderByDescending(w => w.Length)];
        _employerCues = Cues("employer");
        _costCues = Cues("cost");
        _seriousCues = Cues("serious");
        _legCodes = _dialogs.Recognizer.Lexicons.InTheLeg.Append(WholeLeg).ToFrozenSet(StringComparer.Ordinal);
        _legWords = Texts.CommandsByCulture.ToFrozenDictionary(p => p.Key, p => p.Value["legs"].Where(w => !w.Contains(' ', StringComparison.Ordinal)).ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);
        _emergencyQuestionCues = Cues("emergency-question");
        _emergencyQuestionEnds = Cues("emergency-question-end");
        _insteadNot = Cues("instead-not");
        _insteadBut = Cues("instead-but");
        _privacyCues = Cues("privacy");
        _robotCues = Cues("robot");
        _bookingCues = Cues("booking");
        _secretCues = Cues("secret");
        _worseCues = Cues("worse");
        _notWorseCues = Cues("not-worse");
        _eraseVerbs = Cues("erase-verbs");
        _eraseObjects = Cues("erase-objects");
        var choices = Flow.States.Where(s => s.Choices.Count > 0).ToList();
        _choiceLabels = choices.ToFrozenDictionary(
            s => s.Id,
            s => s.Choices.Select(c => new NormalizedChoice(
                c.Code,
                [.. new[] { c.Label.Nl, c.Label.En }.Concat(c.Also).Select(Normalize).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal)],
                [.. c.Alone.Select(Normalize).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal)])).ToArray(),
            StringComparer.Ordinal);
        _alsoYes = Flow.States.Where(s => s.AlsoYes.Length > 0)
            .ToFrozenDictionary(s => s.Id, s => s.AlsoYes.Select(Normalize).Where(w => w.Length > 0).ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);
        _yesNoNl = BuildYesNoChoices(Cultures.Dutch);
        _yesNoEn = BuildYesNoChoices(Cultures.English);
        _roughLengthsNl = BuildRoughLengths(Cultures.Dutch);
        _roughLengthsEn = BuildRoughLengths(Cultures.English);

        // The buttons of a question: its choices, or for a yes-no question with its own labels (flow.yaml buttons)
        // ja, nee and weet ik niet in its words.
        var buttoned = choices.Concat(Flow.States.Where(s => s.Buttons.Count > 0)).ToList();
        _choicesNl = buttoned.ToFrozenDictionary(s => s.Id, s => ChoicesOf(s, Cultures.Dutch), StringComparer.Ordinal);
        _choicesEn = buttoned.ToFrozenDictionary(s => s.Id, s => ChoicesOf(s, Cultures.English), StringComparer.Ordinal);
    }

    /// <summary>
    /// The questions from the first warning sign on, in file order, whose answer cannot make the result 112: no rule of
    /// that tier reads the question or the code it takes. From one of these on, a result that already means the GP now
    /// is given without the questions left.
    /// </summary>
    private static FrozenSet<string> PastEmergencySigns(DialogSet dialogs)
    {
        var emergencyRules = dialogs.Rules.Where(r => r.Urgency == Vocabulary.EmergencyUrgency).Select(r => r.When).ToList();
        var read = emergencyRules.SelectMany(c => c.References).ToHashSet(StringComparer.Ordinal);
        var codes = emergencyRules.SelectMany(c => c.Symbols).ToHashSet(StringComparer.Ordinal);
        return dialogs.Flow.States
            .SkipWhile(s => s.RedFlag is null)
            .Where(s => !s.IsOutcome && !read.Contains(s.Id) && !s.Signals.Any(codes.Contains))
            .Select(s => s.Id)
            .ToFrozenSet(StringComparer.Ordinal);
    }

    private FlowDefinition Flow => _dialogs.Flow;

    private TextCatalog Texts => _dialogs.Texts;

    /// <summary>A new conversation: its state and the first question.</summary>
    public TurnResult Start(string culture)
    {
        var state = new TriageState { Step = Flow.Start, Culture = Cultures.FromLocale(culture), History = [Flow.Start] };
        return new TurnResult(state, [Ask(state, Flow.Start)]);
    }

    /// <summary>One turn: the person's message against the current state.</summary>
    public TurnResult Step(TriageState state, string message, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(state);
        var result = Turn(state, message, today);
        // Anything but another re-ask ends a run of messages the current question did not take, and with it the unit
        // the bot asked a number of, unless the question it moved on to was asked in that unit.
        if (result.State.Misses > state.Misses)
        {
            return result;
        }

        var unit = result.State.Step != state.Step && state.DurationUnitAsked is null ? result.State.DurationUnitAsked : null;
        return result.State.Misses == 0 && result.State.DurationUnitAsked == unit
            ? result
            : result with { State = result.State with { Misses = 0, DurationUnitAsked = unit } };
    }

    private TurnResult Turn(TriageState state, string message, DateOnly today)
    {
        var text = (message ?? "").Trim();
        state = state with { Turn = state.Turn + 1 };

        // "Mijn vader heeft sinds 2 weken rugpijn en koorts": the complaint, told on someone's behalf, makes the
        // conversation about them, and the father's fever is the subject's.
        var onBehalf = state.OnBehalf;
        var understood = new Interpretation(text, state.Culture, _dialogs.Recognizer.Recognize(text, state.Culture, today, onBehalf)) { OnBehalf = onBehalf };
        if (!onBehalf && !state.Answers.ContainsKey(_locationStep) && OnTheirBehalf(state, text, understood, today) is { } theirs)
        {
            onBehalf = true;
            understood = theirs;
        }

        // "Ik vraag het voor mijn moeder", before the place is known: so is one that says so, in either language ("I'm
        // asking for my mum" on the Dutch welcome).
        var askingFor = !onBehalf && !state.Answers.ContainsKey(_locationStep)
            && (_dialogs.Recognizer.AsksForSomeoneElse(text, state.Culture) || _dialogs.Recognizer.AsksForSomeoneElse(text, Cultures.Other(state.Culture)));
        if (askingFor)
        {
            onBehalf = true;
            understood = ReadOnBehalf(text, state.Culture, today);
        }

        var said = Normalize(text);

        if (understood.Emergency is { } emergency && !AsksWhatTheQuestionMeans(state, understood))
        {
            // "Wat is een beroerte?", "could this be a heart attack?": what to do when a sign is there now, and the
            // question again.
            if (AsksAboutAnEmergency(state, text, understood))
            {
                return new TurnResult(state, [Say(state, "aside.emergency-question"), Ask(state, state.Step)]);
            }

            return Emergency(ToldBeforeTheAdvice(state, emergency, text, said, understood, today), emergency, text);
        }
        if (CommandIn(text, said) is { } command && Applies(command, state, understood))
        {
            return RunCommand(state, command);
        }

        if (state.Step == EraseStep)
        {
            return ConfirmErase(state, understood);
        }

        if (state.Step == ConfirmStep && state.Confirming is { } confirming)
        {
            return CheckConfirmation(state, confirming, understood);
        }

        if (state.Step == EmergencyStep && state.Outcome is { } previous)
        {
            // After the suicide-prevention advice the person may go on with the questions; after 112 they may not. The
            // advice asks whether they are safe and want to go on: a yes goes on, a no gets the numbers once more.
            if (!IsSuicideAdvice(previous) || ResumeStep(state) is not { } resume)
            {
                return new TurnResult(state, [Say(state, AdviceKey(previous)), Say(state, "finished")]);
            }

            // "Ik ben niet veilig": 112 first, plainly, whatever yes or no is beside it.
            if (_dialogs.Recognizer.Emergencies.SaysUnsafe(text, state.Culture))
            {
                return new TurnResult(state, [Say(state, "emergency.suicide.in-danger")]);
            }

            return understood.First<BooleanResolution>()?.Resolution.Value switch
            {
                YesNo.Yes => Resume(state, resume),
                YesNo.No => new TurnResult(state, [Say(state, ForSomeoneElse(previous) ? "emergency.suicide.someone-else.declined" : "emergency.suicide.unsafe")]),
                _ => new TurnResult(state, [Say(state, AdviceKey(previous)), ContinueOffer(state)]),
            };
        }

        if (state.Outcome is { Emergency: false, Completed: true } && Flow.Contains(state.Step))
        {
            // "No wait, actually yes" right after the result takes back the last answer: that question once more.
            var spaced = $" {said} ";
            if (TakesBackTheAnswerBefore(state, spaced, Corrects(spaced), understood) is { } last)
            {
                return AskAgain(state with { Outcome = null }, last);
            }

            if (ToldAfterTheResult(state, understood) is { } again)
            {
                return again;
            }

            // "Kan ik niet gewoon een massage boeken?" after a result without massage: why not yet, and the advice again.
            if (!state.Outcome.Routes.Contains("massage") && HasCue(spaced, _bookingCues))
            {
                return new TurnResult(state, [Say(state, "aside.booking.no-massage"), OutcomeReply(state, state.Outcome)]);
            }

            // "Wat nu?", "hoe boek ik?": the advice once more, with where to go.
            if (HasCue(spaced, _whatNowCues) || HasCue(spaced, _bookingCues))
            {
                return new TurnResult(state, [OutcomeReply(state, state.Outcome)]);
            }

            // "Ziet mijn baas dit?" after the result: who reads the answers, as before it.
            if (Aside(text, spaced) is { } privacy && privacy is "aside.employer" or "aside.privacy")
            {
                return new TurnResult(state, [Say(state, privacy)]);
            }
        }

        // Stopped at a question, not finished: how to go on or start again, once more.
        if (StoppedAtAQuestion(state))
        {
            return new TurnResult(state, [Say(state, "stopped.again")]);
        }

        if (state.Outcome is not null || !Flow.Contains(state.Step))
        {
            return new TurnResult(state, [Say(state, "finished")]);
        }

        var result = Answer(state, text, said, understood, today);
        result = NothingTaken(state, result) ? InOtherLanguage(state, text, said, today, onBehalf) ?? result : result;
        result = result.State.Step != state.Step || !ReferenceEquals(result.State.Answers, state.Answers) ? WithAside(result, text, said) : result;
        if (askingFor && NothingTaken(state, result))
        {
            // Nothing else told yet: said, and the question asked again, now about them.
            var about = state with { OnBehalf = true };
            return new TurnResult(about, [Say(about, "on-behalf"), Ask(about, about.Step)]);
        }

        return onBehalf && !state.OnBehalf && !ReferenceEquals(result.State.Answers, state.Answers) ? OnBehalfFromNow(result) : result;
    }

    // The message read as told on someone's behalf, before the place is known, when it is: a complaint whose every place
    // is theirs ("mijn vader heeft sinds 2 weken rugpijn"), or, with no place, a warning sign of theirs and none of the
    // person's ("mijn moeder kan haar plas niet ophouden", "asking for my husband, he has lost a lot of weight"). Their
    // history alone ("mijn moeder had kanker") is no complaint on their behalf.
    private Interpretation? OnTheirBehalf(TriageState state, string text, Interpretation understood, DateOnly today)
    {
        var culture = state.Culture;
        if (understood.First<BodyLocationResolution>() is not null)
        {
            return _dialogs.Recognizer.ToldOnBehalf(text, culture) ? ReadOnBehalf(text, culture, today) : null;
        }

        // A sign alone is read so only in answer to where: the greeting and the welcome's answers are not.
        if (state.Step != _locationStep)
        {
            return null;
        }

        if (understood.Entities.Any(e => e.Resolution is RedFlagResolution { Negated: false })
            ? !_dialogs.Recognizer.SignsToldOnBehalf(text, culture)
            : !_dialogs.Recognizer.NamesSomeoneElse(text, culture))
        {
            return null;
        }

        var theirs = ReadOnBehalf(text, culture, today);
        return theirs.Entities.Any(e => e.Resolution is RedFlagResolution { Negated: false } flag && _signCodes.Contains(flag.Code)) ? theirs : null;
    }

    // The message read as told on behalf of the conversation's subject.
    private Interpretation ReadOnBehalf(string text, string culture, DateOnly today) =>
        new(text, culture, _dialogs.Recognizer.Recognize(text, culture, today, onBehalf: true)) { OnBehalf = true };

    // "Mag mijn leidinggevende dit zien? Ik zit al een tijdje met rugklachten": the question in a message that answered
    // or noted something is answered too, before the bot's next question, once. (One that took nothing has its line
    // from Answer.)
    private TurnResult WithAside(TurnResult result, string text, string said)
    {
        if ((text.Contains('?', StringComparison.Ordinal) || Holds(said, _employerCues) ? Aside(text, $" {said} ") : null) is not { } key)
        {
            return result;
        }

        var line = Texts.Get(key, result.State.Culture);
        foreach (var reply in result.Replies)
        {
            if (string.Equals(reply.Text, line, StringComparison.Ordinal))
            {
                return result;
            }
        }

        return result with { Replies = result.Replies.Insert(Math.Max(0, result.Replies.Count - 1), new Reply(line)) };
    }

    // The turn that told the complaint on someone's behalf: from now on the conversation is about them, and the bot says
    // so before its next question.
    private TurnResult OnBehalfFromNow(TurnResult result)
    {
        var state = result.State with { OnBehalf = true };
        var onBehalf = Say(state, "on-behalf");
        return result with { State = state, Replies = result.Replies.Count > 0 ? result.Replies.Insert(result.Replies.Count - 1, onBehalf) : [onBehalf] };
    }

    // A re-ask: the message gave the question nothing and noted nothing (a request for an estimate counts as one).
    private static bool NothingTaken(TriageState before, TurnResult result) =>
        result.State.Misses > before.Misses && result.State.DurationUnitAsked is null;

    /// <summary>
    /// A message the conversation's language could not take, read in the other one ("I don't know" in a Dutch
    /// conversation, "mijn onderrug" in an English one): when that answers, the answer counts, and the first time the
    /// bot offers to go on in that language. Only a turn that would otherwise be "I didn't quite get that" changes, so
    /// a word both languages have keeps its own language's meaning, and only a message that is more the other language
    /// than this one: "het doet heel erg pijn" is not read as English, where "heel" is a place. Where a place is asked,
    /// a place in words this language does not know is read in the other too ("i have rugpijn").
    /// </summary>
    private TurnResult? InOtherLanguage(TriageState state, string text, string said, DateOnly today, bool onBehalf)
    {
        var other = Cultures.Other(state.Culture);
        if (!_dialogs.Recognizer.Lexicons.Languages.Contains(other))
        {
            return null;
        }

        if (!_dialogs.Recognizer.IsRather(text, other, state.Culture))
        {
            return Flow[state.Step].Kind == AnswerKind.BodyLocation ? PlacesInOtherLanguage(state, text, said, other, today, onBehalf) : null;
        }

        // Words that answer only the question asked are no entity: "only in the morning" to night pain.
        var understood = new Interpretation(text, other, _dialogs.Recognizer.Recognize(text, other, today, onBehalf)) { OnBehalf = onBehalf };
        if (understood.Entities.Count == 0 && _dialogs.Recognizer.Booleans.RecognizeAnswerTo(state.Step, text, other).Count == 0)
        {
            return null;
        }

        // At the language question, a message in the other language chooses it: what it told is noted in that language.
        var choosing = Flow[state.Step].SetsLanguage;
        var result = Answer(choosing ? state with { Culture = other } : state, text, said, understood, today);
        if (NothingTaken(state, result))
        {
            return null;
        }

        if (choosing)
        {
            return result with { Replies = result.Replies.Insert(0, Say(result.State, "language.switched")) };
        }

        return state.OtherLanguageOffered
            ? result
            : result with { State = result.State with { OtherLanguageOffered = true }, Replies = result.Replies.Insert(0, Say(state with { Culture = other }, "language.other")) };
    }

    // "I have rugpijn": places in words only the other language knows, in a message of this one, answer where; the rest
    // of the message is read as this language's words, and the language stays.
    private TurnResult? PlacesInOtherLanguage(TriageState state, string text, string said, string other, DateOnly today, bool onBehalf)
    {
        var places = _dialogs.Recognizer.Recognize(text, other, today, onBehalf).Where(e => e.Resolution is BodyLocationResolution).ToList();
        if (places.Count == 0 || !_dialogs.Recognizer.UnknownTo(text, places, state.Culture))
        {
            return null;
        }

        var result = Answer(state, text, said, new Interpretation(text, state.Culture, places) { OnBehalf = onBehalf }, today);
        return NothingTaken(state, result) ? null : result;
    }

    private TurnResult Answer(TriageState state, string text, string normalized, Interpretation understood, DateOnly today)
    {
        var current = Flow[state.Step];
        var answers = state.Answers;
        var notes = new List<string>();
        var corrections = new List<string>();
        List<string>? reminded = null;
        List<string>? toldAgain = null;
        var spaced = $" {normalized} ";

        // A question back ("telt ascal ook?", "wat bedoel je met koorts?") tells nothing of what the question asked is
        // about; what follows its clause is told ("wat bedoel je? ik heb wel koorts"), and so is any other sign, since
        // red flags always win: "waarom kan ik ineens moeilijk plassen?".
        var askedUpTo = _dialogs.Recognizer.Booleans.FindQuestionBack(text, state.Culture)
            ?? (understood.Culture != state.Culture ? _dialogs.Recognizer.Booleans.FindQuestionBack(text, understood.Culture) : null);
        var askingBack = askedUpTo is not null;

        // Its words correct nothing either: the "bedoel" of "wat bedoel je met koorts?" is no "ik bedoel mijn nek".
        var correcting = Corrects(askedUpTo is { } clauseEnd ? $" {Normalize(text[Math.Min(clauseEnd, text.Length)..])} " : spaced)
            || (!askingBack && (SaysInstead<DurationResolution>(understood) || SaysInstead<PainScoreResolution>(understood)));

        // "My neck hurts too actually", "ik heb ook last van mijn nek eigenlijk": a place told as one more joins the
        // others, whatever word of correction is beside it.
        var adding = HasCue(spaced, _additionCues) && (!correcting || understood.First<BodyLocationResolution>() is not null);
        correcting &= !adding;
        var askingWhy = askedUpTo is { } clause && HasCue($" {Normalize(text[..Math.Min(clause, text.Length)])} ", _whyCues);

        // "Ja, 39 graden en barstende hoofdpijn" to the question about fever: the headache is a complaint as well.
        // Read ahead only when the message names a place, which most answers to it do not.
        adding |= !correcting && !askingBack && current.JoinsPlaces && understood.First<BodyLocationResolution>() is not null
            && ReadAnswer(current, text, spaced, understood, state, today) is { YesNo: YesNo.Yes };

        // "Nee, wel last van mijn schouder" to the first question, then "onderrug al 3 dagen" to how long: a place told
        // with how long is the complaint's, as much as those named before.
        adding |= !correcting && !askingBack && current.Kind == AnswerKind.Duration && understood.First<BodyLocationResolution>() is not null
            && understood.First<DurationResolution>() is not null;
        // A sign in a question about why ("waarom kan ik ineens moeilijk plassen?") is told; one in a question about what
        // something means ("what do you mean by lost feeling?", "what do you mean, like pins and needles?") is the words
        // asked about, up to the question mark that ends the message.
        if (askedUpTo is { } asked)
        {
            if (!askingWhy && text.EndsWith('?'))
            {
                asked = text.Length;
            }

            understood = new Interpretation(understood.Text, understood.Culture,
                [.. understood.Entities.Where(e => e.Start >= asked || (askingWhy && e.Resolution is RedFlagResolution flag && !current.Signals.Contains(flag.Code) && !_contextCodes.Contains(flag.Code)))]) { OnBehalf = understood.OnBehalf };
        }

        // "Nee wacht, toch wel" right after a no: the person takes back the answer just given, to the question before
        // this one, or changes their mind about this one. Which, the bot cannot tell; so it asks the question before
        // once more, and this one comes after it again.
        if (!askingBack && current.Kind is AnswerKind.YesNo or AnswerKind.Choice && TakesBackTheAnswerBefore(state, spaced, correcting, understood) is { } before)
        {
            return AskAgain(state, before);
        }

        // "Nu niet, maar gisteren had ik pijn op de borst" to a screen: the chest is where the sign was, not where the
        // complaint is.
        var signPlaces = !(_screens.Contains(current.Id) && current.HasSignal && SaysNoToTheScreen(current, understood));
        var otherSign = false;

        foreach (var other in _extraQuestions)
        {
            // "Al weken" in passing would be noted as two weeks; the duration question asks instead.
            // After "how many weeks?", a bare "8" is the weeks, not a pain score in passing.
            // Nor is how long or how bad taken when it is not asked: "borstkanker, 2 jaar geleden" from a person
            // without a complaint tells no duration of one.
            if (other.Id == current.Id || ReadExtra(other, understood, signPlaces) is not { } extra
                || (other.Kind == AnswerKind.Duration && NeedsCount(understood) is not null)
                // Nor is a bare "7" to the first question (a screen) a pain score.
                || (other.Kind == AnswerKind.Scale && (state.DurationUnitAsked is not null
                    || ((current.Kind == AnswerKind.Duration || _screens.Contains(current.Id)) && PainScore(understood) is { Resolution.Bare: true })))
                || (other.Kind is AnswerKind.Duration or AnswerKind.Scale && !_navigator.IsAsked(other, state with { Answers = answers }))
                // "Several days, no wait, nearly every day" to how often: days that count how often, not how long.
                || (other.Kind == AnswerKind.Duration && current.Choices.Any(c => c.FromDays is not null))
                // "'s Nachts tintelingen in mijn vingers": not the tingling that does not go away the question asks about.
                || (other.Lasting && extra.YesNo == YesNo.Yes && !answers.ContainsKey(other.Id) && ComesAndGoes(other, understood))
                // "Both legs" to where, after a marathon told before: the legs' sides, explained by what was told. Told
                // to another question ("numbness in both legs"), it is the sign.
                // So is "beide benen" to where in the legs, which asked for the legs' places and sides. Told with another
                // sign ("both legs numb and tingling since the marathon"), it is that sign's both legs.
                || (other.PassingUnless is { } unless && current.Kind == AnswerKind.BodyLocation && extra.YesNo == YesNo.Yes && !answers.ContainsKey(other.Id)
                    && (state.LegsAsked || unless.Evaluate(_navigator.Context(state with { Answers = answers }))) && !NamesAnotherSign(understood, other)))
            {
                continue;
            }

            var answered = answers.TryGetValue(other.Id, out var earlier);

            // "Onderrug, geen koorts" to a question about fever, chills and feeling very ill: noted, and the question
            // still asks about the rest.
            if (!answered && other.Several && extra.YesNo == YesNo.No)
            {
                if (state.PartlyDenied?.ContainsKey(other.Id) != true)
                {
                    state = state with { PartlyDenied = (state.PartlyDenied ?? ImmutableSortedDictionary<string, string>.Empty).SetItem(other.Id, Describe(other, extra, understood, state.Culture)) };
                    notes.Add(state.PartlyDenied[other.Id]);
                }

                continue;
            }

            // "Sorry, actually my arm did go weak suddenly": the arm is where the sign is; it corrects no place named
            // before.
            if (answered && correcting && other.Kind == AnswerKind.BodyLocation)
            {
                if (ReadExtra(other, understood, signPlaces: false) is not { } corrected)
                {
                    continue;
                }

                extra = corrected;
            }

            // "Oh, en ook mijn onderrug": a place told as one more joins the places named before; so does any place told
            // after "nergens" ("al zitten mijn schouders wel vast"), which is the complaint after all.
            if (answered && other.Kind == AnswerKind.BodyLocation && (adding || earlier!.Locations is [{ Code: NoComplaint }]))
            {
                if (MorePlaces(earlier!, extra) is { } more)
                {
                    answers = answers.SetItem(other.Id, more);
                    notes.Add(Describe(other, more, understood, state.Culture));
                }

                continue;
            }

            // An earlier answer only changes when the person says it is a correction, or when they now report a sign
            // they denied before: red flags always win, and so does a cancer history, a contraindication or a context
            // told later ("ik heb borstkanker gehad" after a no to that question).
            var raisesSign = other.HasSignal && extra.YesNo == YesNo.Yes && earlier?.YesNo != YesNo.Yes;
            if (answered && !correcting && !raisesSign)
            {
                // "Ja, borstkanker zei ik toch" to whether there is a fresh injury: the yes reminds of what was told. Told
                // again without those words ("tamoxifen" to whether anything else applies), it is said to be noted.
                if (other.HasSignal && extra.YesNo == YesNo.Yes && earlier!.YesNo == YesNo.Yes)
                {
                    (HasCue(spaced, _reminderCues) ? reminded ??= [] : toldAgain ??= []).Add(Describe(other, extra, understood, state.Culture));
                }

                continue;
            }

            // Told again in other words ("hardloper", then "stijf na het hardlopen"): nothing changes, nothing to say.
            if (answered && (earlier == extra || (other.Kind == AnswerKind.YesNo && earlier!.YesNo == extra.YesNo)))
            {
                continue;
            }

            // "Nee, onderrug en linkerbeen" to another question: the leg joins the places, on its side, unless it is among
            // them already (the leg the pain spreads into). Where in it is asked only at the question where.
            if (!answered && other.Kind == AnswerKind.BodyLocation && extra.Locations is not [{ Code: NoComplaint }] && !extra.Locations.Any(l => IsInTheLeg(l.Code))
                && NamesLegsBesideThePlaces(understood)
                && MorePlaces(extra, extra with { Locations = [new BodyLocation(WholeLeg, LegsSideOf(understood, extra))] }) is { } withLeg)
            {
                extra = withLeg;
            }

            answers = answers.SetItem(other.Id, extra);
            (answered ? corrections : notes).Add(Describe(other, extra, understood, state.Culture));
            otherSign |= extra.YesNo == YesNo.Yes && _asideQuestions.Contains(other.Id);
        }

        answers = RecordUnaskedRedFlags(answers, understood, notes, state.Culture);
        if (!askingBack && correcting && corrections.Count == 0 && SideCorrected(current, answers, text, understood) is { } sided)
        {
            answers = answers.SetItem(_locationStep, sided);
            corrections.Add(Describe(Flow[_locationStep], sided, understood, state.Culture));
        }

        var toldInPassing = notes.Count > 0 || corrections.Count > 0;

        // Without a correction cue, only a sign now reported over an earlier no changed an answer: say so as that.
        var changed = correcting ? "corrected" : "corrected.raised";

        // "nee, het is eigenlijk 3 maanden" corrects an earlier answer; its "nee" does not answer the current question.
        // Nor does a question back: "what counts as a lot?" is no "a lot". A sign of the question told in either is a
        // yes all the same: "wat bedoel je, ik heb wel moeite met plassen", "no wait, I fell off a ladder last month"
        // (which corrects how long as well, since the complaint began with the fall).
        var answer = (correcting && corrections.Count > 0) || askingBack
            ? (current.HasSignal && ReadExtra(current, understood) is { YesNo: YesNo.Yes } mentioned ? mentioned : null)
            : ReadAnswer(current, text, spaced, understood, state, today);

        // "Is dit ernstig?" to how bad: a question about the complaint, no score in words.
        if (answer is { Kind: AnswerKind.Scale } && !askingBack && PainScore(understood) is { Resolution.InWords: true } && Aside(text, spaced) == "aside.serious")
        {
            answer = null;
        }

        // "Ja, ik gebruik eliquis" to whether the immune system is weakened, "ja, hele dag achter de laptop" to night
        // pain: the yes goes with what the message names, a contraindication or context rather than a warning sign, and
        // is not known to answer this question as well. That is noted and the question asked once more; "ja, en ..."
        // answers both. A yes beside another warning sign stays a yes to both ("ja, chemo"): red flags always win. A
        // screen's yes stays a yes: there, asking again would only delay.
        var yesAboutOther = answer is { Kind: AnswerKind.YesNo, YesNo: YesNo.Yes } && (otherSign || reminded is not null) && !adding && !correcting
            && YesAboutAnotherSign(current, understood);
        if (yesAboutOther)
        {
            answer = null;
        }

        // "Ik heb toch wel een beetje koorts gehad" to whether a leg is losing strength: the "wel" goes with the fever it
        // stands before, not with the question. The fever is noted and the question asked once more.
        if (answer is { Kind: AnswerKind.YesNo, YesNo: YesNo.Yes } && !askingBack && notes.Count > 0 && YesGoesWithTheSignAfterIt(current, understood))
        {
            answer = null;
        }

        // "Ja, de stent dus" to whether anything applies besides what was told: the yes is the stent, told before, and
        // says nothing of the rest. That is said to be noted and the question asked once more.
        var yesToWhatWasTold = answer is { YesNo: YesNo.Yes } && notes.Count == 0 && corrections.Count == 0 && !askingBack
            && (reminded ?? toldAgain) is not null && _besidesQuestions.Contains(current.Id);
        if (yesToWhatWasTold)
        {
            answer = null;
        }

        // "Weet ik niet" again after the rough lengths were offered: how long is not known, and the questions go on.
        if (answer is null && current.Kind == AnswerKind.Duration && state.RoughLengthsOffered && !askingBack && notes.Count == 0 && corrections.Count == 0
            && understood.First<BooleanResolution>() is { Resolution.Value: YesNo.Unknown })
        {
            answer = new Answer { Kind = AnswerKind.Duration, YesNo = YesNo.Unknown, Evidence = Evidence(text) };
        }

        // "Maakt niet uit" or "idk" to the language question: on in the language the conversation is in.
        if (answer is null && current.SetsLanguage && notes.Count == 0 && corrections.Count == 0
            && (HasCue(spaced, _eitherCues) || understood.First<BooleanResolution>() is { Resolution.Value: YesNo.Unknown }))
        {
            answer = new Answer { Kind = AnswerKind.Choice, Choice = state.Culture, Evidence = Evidence(text) };
        }

        // "Ik heb al 3 weken rugpijn" to the language question: the person goes on in the language they wrote it in,
        // and the note says only what they told. So with "pijn in mijn benen" or "ik ben zo gespannen", and the question
        // where that comes next asks where in the legs, or where the tension is.
        var placeHint = answer is null && current.SetsLanguage && notes.Count == 0 && corrections.Count == 0 && !askingBack
            ? PlaceHint(spaced, understood.Culture) ?? PlaceHint(spaced, Cultures.Other(understood.Culture))
            : null;
        var languageAsWritten = false;
        if (answer is null && current.SetsLanguage && corrections.Count == 0 && (notes.Count > 0 || placeHint is not null))
        {
            answer = LanguageWrittenIn(current, text, state.Culture);
            languageAsWritten = answer is not null;
        }

        // "Months, like 5 or 6": the count told beside the vague length.
        if (answer is not null && current.Kind == AnswerKind.Duration && state.DurationUnitAsked is null && NeedsCount(understood) is { } counted
            && FirstNumber(understood, 1, 1000, notInATime: true) is { } count)
        {
            answer = answer with { Seconds = (long)Math.Round(count * counted), Approximate = true };
        }
        else if (answer is not null && current.Kind == AnswerKind.Duration && state.DurationUnitAsked is null && NeedsCount(understood) is { } unit)
        {
            // "Al weken" could be two or twenty: ask how many once (a second vague answer is taken as the least it means).
            var asking = Missed(state) with { Answers = answers, DurationUnitAsked = unit };
            var key = unit == DurationResolution.SecondsPerMonth ? "duration.how-many.months" : "duration.how-many.weeks";
            ImmutableList<Reply> howMany = [new Reply(Texts.Get(key, state.Culture))];
            return new TurnResult(asking, notes.Count > 0 || corrections.Count > 0
                ? howMany.Insert(0, new Reply(Texts.Get(corrections.Count > 0 ? changed : "noted", state.Culture).Format(state.Culture, Join(corrections.Count > 0 ? corrections : notes, state.Culture))))
                : howMany);
        }

        // To where in the legs, "weet ik niet" or "nee" is the leg as a whole, "beide" or "links" the legs on that side,
        // and "overal" the whole leg, as the question itself says.
        if (current.Kind == AnswerKind.BodyLocation && state.LegsAsked && !askingBack && corrections.Count == 0)
        {
            var side = _dialogs.Recognizer.BodyLocations.FirstSide(text, understood.Culture);
            if (answer is null && notes.Count == 0
                && (side is not null || understood.First<BooleanResolution>() is { Resolution.Value: YesNo.No or YesNo.Unknown }))
            {
                // Said back and quoted by the place's name: "nee" is no word for a leg.
                var leg = new BodyLocation(WholeLeg, side ?? state.LegsSide);
                answer = new Answer { Kind = AnswerKind.BodyLocation, Locations = [leg], Evidence = Texts.Location(leg, state.Culture) };
            }
            else if (answer is { Locations: [{ Code: WholeBody } everywhere] })
            {
                answer = answer with { Locations = [new BodyLocation(WholeLeg, everywhere.Side == BodySide.Unspecified ? state.LegsSide : everywhere.Side)] };
            }
            else if (answer is { Kind: AnswerKind.BodyLocation } named && side is { } apart && named.Locations.All(l => l.Side == BodySide.Unspecified))
            {
                // "Links, in mijn kuit": the side said apart from the place is the leg's.
                answer = named with { Locations = [.. named.Locations.Select(l => l with { Side = apart })] };
            }
        }

        if (answer is null)
        {
            // "Mijn benen" or "ik ben zo gespannen" to where: no place to go on with yet, so a question about where
            // exactly instead of "I didn't quite get that".
            var hint = current.Kind != AnswerKind.BodyLocation ? null : PlaceHint(spaced, understood.Culture);

            // While where in the legs is asked, anything else ("3 weken", "wat bedoel je?") gets that question again.
            var legsAgain = hint is null && state.LegsAsked;
            var replies = ImmutableList.CreateBuilder<Reply>();
            var aboutOther = yesAboutOther ? $" {Texts.Get("reask.yes-about-other", state.Culture)}" : "";
            if (corrections.Count > 0)
            {
                replies.Add(new Reply(Texts.Get(changed, state.Culture).Format(state.Culture, Join(corrections, state.Culture)) + aboutOther));
            }
            else if (notes.Count == 0 && yesAboutOther && reminded is not null)
            {
                replies.Add(new Reply(Texts.Get("reminded", state.Culture).Format(state.Culture, Join(reminded, state.Culture)) + aboutOther));
            }
            else if (notes.Count == 0 && !askingBack && (reminded ?? toldAgain) is { } noted && (understood.First<BooleanResolution>() is null || yesToWhatWasTold))
            {
                // "De stent" or "tamoxifen" again, with no yes or no or with a yes to whether anything applies besides:
                // that was noted, and the question is asked once more; no miss.
                replies.Add(new Reply(Texts.Get("reminded", state.Culture).Format(state.Culture, Join(noted, state.Culture))));
            }
            else if (notes.Count > 0)
            {
                replies.Add(new Reply(Texts.Get("noted", state.Culture).Format(state.Culture, Join(notes, state.Culture)) + aboutOther));

                // "Sinds de marathon": the marathon noted (the person runs), and how long asked for as an estimate, once.
                if (hint is null && !state.RoughLengthsOffered && VagueLength(current, text, state.Culture, today))
                {
                    replies.Add(HowLongRoughly(state.Culture));
                    return new TurnResult(state with { Answers = answers, RoughLengthsOffered = true }, replies.ToImmutable());
                }
            }
            else if (current.Kind == AnswerKind.Duration && !askingBack && !state.RoughLengthsOffered
                && (VagueLength(current, text, state.Culture, today) || understood.First<BooleanResolution>() is { Resolution.Value: YesNo.Unknown }))
            {
                // "Al heel lang" or "weet ik niet" to how long: an estimate is enough, and four rough ones are offered
                // as buttons. Not a miss: the person answered as well as they could. Said again, it is one, so that the
                // way out comes after three.
                replies.Add(HowLongRoughly(state.Culture));
                return new TurnResult(state with { Answers = answers, RoughLengthsOffered = true }, replies.ToImmutable());
            }
            else if (hint is null && !askingBack && notes.Count == 0 && current.Choices.Any(c => c.FromDays is not null)
                && understood.First<BooleanResolution>() is { Resolution.Value: YesNo.Yes } yes && !IsChoiceWord(current, yes.Entity.Text))
            {
                // "Ja" to how often in the past two weeks: how often, then; no miss, and not the whole question again.
                replies.Add(Ask(state, current.Id) with { Text = Texts.Get("ask.how-often", state.Culture) });
                return new TurnResult(state with { Answers = answers }, replies.ToImmutable());
            }
            else if (hint is null && !askingBack && current.Id == TriageState.ConsentQuestion
                && (text.Contains('?', StringComparison.Ordinal) || understood.First<BooleanResolution>() is { Resolution.Value: YesNo.Unknown }))
            {
                // "Wat gebeurt er met mijn gegevens?" or "misschien" to whether the answers may be kept: answered with
                // what keeping them means; no miss.
                replies.Add(new Reply(Hint(current, state.Culture)));
            }
            else if (hint is null && notes.Count == 0 && Aside(text, spaced) is { } aside)
            {
                // "Ziet mijn werkgever wat ik invul?", "wat kost een massage?": answered in a line; no miss.
                replies.Add(new Reply(Texts.Get(aside, state.Culture)));
                askingBack = false;
            }
            else if (hint is null && !askingBack)
            {
                state = Missed(state);

                // "Mijn moeder had kanker" to whether the person had it: say whom the question is about.
                replies.Add(Reask(state, legsAgain ? Texts.Get(LegsHint, state.Culture) : Hint(current, state.Culture),
                    AgeAcrossTheLine(current, understood) ? "reask.age-span"
                    : !understood.OnBehalf && _dialogs.Recognizer.NamesSomeoneElse(text, state.Culture) ? "reask.someone-else" : "reask"));
                if (legsAgain)
                {
                    return new TurnResult(state with { Answers = answers }, replies.ToImmutable());
                }
            }

            // A sign that already means 112, told or corrected here, is checked and advised now.
            if (toldInPassing && !_screens.Contains(current.Id) && TriageRouter.IsEmergency(_dialogs, state with { Answers = answers }))
            {
                return ShowOutcome(state with { Answers = answers }, Flow[_resultStep], replies.ToImmutable());
            }

            // A place told in passing can open questions that were passed by, or one asked first: those come first.
            if (hint is null && toldInPassing && state with { Answers = answers } is var passing && (EarlierOpen(passing) ?? FirstOpen(passing)) is { } earlier)
            {
                var reopened = state with { Answers = answers, Step = earlier, History = state.History.Add(earlier) };
                replies.Add(Ask(reopened, earlier));
                return new TurnResult(reopened, replies.ToImmutable());
            }

            // "Wat bedoel je?": what the question means, then the question again. No miss: the person is not stuck.
            if (askingBack && hint is null && !legsAgain)
            {
                replies.Add(new Reply(askingWhy ? Why(current, state.Culture) : Explain(current, state.Culture)));
            }

            // "Oh nee, geen koorts" at the question only a fever opens: that question is no longer asked, so on to the next.
            if (corrections.Count > 0 && hint is null && !legsAgain && !_navigator.IsAsked(current, state with { Answers = answers }))
            {
                return Advance(state with { Answers = answers }, replies.ToImmutable());
            }

            hint ??= legsAgain ? LegsHint : null;

            // How long, not understood: the rough lengths as buttons too, so there is always an answer at hand.
            replies.Add(hint is not null ? new Reply(Texts.Get(hint, state.Culture))
                : current.Kind == AnswerKind.Duration && state.Misses > 0 ? Ask(state, current.Id) with { Choices = RoughLengths(state.Culture) }
                : current.Again is { } again ? Ask(state, current.Id) with { Text = again.Get(state.Culture) }
                : Ask(state, current.Id));
            return new TurnResult(state with { Answers = answers, LegsAsked = hint == LegsHint, LegsSide = LegsSideStill(state, understood, hint == LegsHint) }, replies.ToImmutable());
        }

        if (current.Kind == AnswerKind.BodyLocation && state.LegsAsked)
        {
            // "Kuiten" to where in the legs, after "rug en been": the calves join the back; after "rug en linkerbeen" the
            // left calf.
            if (state.LegsSide != BodySide.Unspecified)
            {
                answer = answer with { Locations = [.. answer.Locations.Select(l => l.Side == BodySide.Unspecified && IsInTheLeg(l.Code) ? l with { Side = state.LegsSide } : l)] };
            }

            state = state with { LegsAsked = false, LegsSide = BodySide.Unspecified };
            if (answers.TryGetValue(current.Id, out var noted) && !correcting)
            {
                // "Mijn hele been" after "straalt uit naar mn linkerbeen": the leg noted on its side already.
                if (noted.Locations.SingleOrDefault(l => l.Code == WholeLeg) is { Side: not BodySide.Unspecified } notedLeg)
                {
                    answer = answer with { Locations = [.. answer.Locations.Select(l => l is { Code: WholeLeg, Side: BodySide.Unspecified } ? notedLeg : l)] };
                }

                answer = MorePlaces(noted, answer) ?? noted;
            }

            // "Rug en been" once more: the leg as a whole joins.
            if (NamesLegsBesideThePlaces(understood) && MorePlaces(answer, answer with { Locations = [new BodyLocation(WholeLeg)] }) is { } withLeg)
            {
                answer = withLeg;
            }
        }
        else if (current.Kind == AnswerKind.BodyLocation && !askingBack && !correcting && answer.Locations is not [{ Code: NoComplaint }]
            && NamesLegsBesideThePlaces(understood) && !TriageRouter.IsEmergency(_dialogs, state with { Answers = answers }))
        {
            // "Rug en been": the back noted, and where in the legs asked, since a calf asks other questions than a knee.
            notes.Insert(0, Describe(current, answer, understood, state.Culture));
            return new TurnResult(state with { Answers = answers.SetItem(current.Id, answer), LegsAsked = true, LegsSide = LegsSideOf(understood, answer) },
                [new Reply(Texts.Get("noted", state.Culture).Format(state.Culture, Join(notes, state.Culture))), Say(state, LegsHint)]);
        }

        // "Ja, twee weken geleden griep" to whether the immune system is weakened, drugs are injected or there was an
        // infection: the yes is about the infection it names, not about the question's own sign.
        if (current.Covers.Count > 0 && answer.YesNo == YesNo.Yes && CoveredSignNamed(current, understood) is { } covered)
        {
            answer = answer with { Choice = covered };
        }

        answers = answers.SetItem(current.Id, answer);
        if (current.SetsLanguage && answer.Choice is { } language)
        {
            state = state with { Culture = language };
        }

        var said = ImmutableList.CreateBuilder<Reply>();
        if (corrections.Count > 0)
        {
            said.Add(new Reply(Texts.Get(changed, state.Culture).Format(state.Culture, Join(corrections, state.Culture))));
        }

        // "ja, chemo" to another question: the sign changed an earlier answer, and the yes answered this one; both said.
        // Where the complaint is, is always said back ("Ik noteer: knie (rechts)."): a place or side misread can be put
        // right at once, not only when the result names it.
        if (notes.Count > 0 || corrections.Count > 0 || current.Kind == AnswerKind.BodyLocation || (current.Kind == AnswerKind.Scale && answer.Approximate))
        {
            // A question answered by a mention is described by the words of the mention, as the notes are; one answered
            // by a plain yes or no as that ("nee, maar ik heb wel kanker gehad": "nee en kanker gehad", not the whole
            // message as the flag denied). A yes to whether anything applies besides is what the notes name.
            if (!languageAsWritten && !(answer.YesNo == YesNo.Yes && notes.Count > 0 && _besidesQuestions.Contains(current.Id)))
            {
                notes.Insert(0, current.HasSignal && ReadExtra(current, understood) is { } mention ? Describe(current, mention, understood, state.Culture)
                    : current.Kind == AnswerKind.YesNo ? PlainYesNo(current, answer, state.Culture)
                    : Describe(current, answer, understood, state.Culture));
            }

            said.Add(new Reply(Texts.Get("noted", state.Culture).Format(state.Culture, Join(notes, state.Culture))));
        }

        // "Nee" to keeping the answers: said back, so the person knows nothing is kept and the help goes on.
        if (current.Id == TriageState.ConsentQuestion && answer.YesNo == YesNo.No)
        {
            said.Add(Say(state, "consent.declined"));
        }

        // A sign asked again after a no to its check may have been told in passing, before questions still open.
        var moved = Advance(state with { Answers = answers, LastAnswered = current.Id }, said.ToImmutable(), reopen: toldInPassing || state.Confirmed.Contains(current.Id));

        // "Al maanden last van mijn nek" to where: the duration question that comes next asks how many months.
        if (NeedsCount(understood) is { } told && Flow[moved.State.Step] is { Kind: AnswerKind.Duration } && moved.State.Step != current.Id
            && !moved.State.Answers.ContainsKey(moved.State.Step))
        {
            var howMany = new Reply(Texts.Get(told == DurationResolution.SecondsPerMonth ? "duration.how-many.months" : "duration.how-many.weeks", moved.State.Culture));
            return moved with { State = moved.State with { DurationUnitAsked = told }, Replies = moved.Replies.SetItem(moved.Replies.Count - 1, howMany) };
        }

        if (placeHint is not null && Flow[moved.State.Step] is { Kind: AnswerKind.BodyLocation } && !moved.State.Answers.ContainsKey(moved.State.Step))
        {
            var replies = moved.Replies.SetItem(moved.Replies.Count - 1, Say(moved.State, placeHint));
            return moved with
            {
                State = moved.State with { LegsAsked = placeHint == LegsHint, LegsSide = placeHint == LegsHint ? LegsSideOf(understood, null) : BodySide.Unspecified },
                Replies = moved.State.Culture == understood.Culture ? replies : replies.Insert(replies.Count - 1, Say(moved.State, "language.switched")),
            };
        }

        return moved;
    }

    /// <summary>
    /// Moves past the current question to the next one that is asked and not yet answered, or to the result. A
    /// question whose module is off or whose <c>when</c> does not hold is passed by; an answered one is skipped.
    /// </summary>
    private TurnResult Advance(TriageState state, ImmutableList<Reply> replies, bool reopen = false)
    {
        // "Like an 8, and since this morning my left arm and leg feel weak" to how bad: a sign told in passing that
        // already means 112 is checked and advised now, not after the questions before its own, nor after questions
        // still open (a yes to the chest-pain question asked again after a no to its check). A screen has its own way
        // with a yes (112 at once) and with its own signs told beside its no (they are asked one by one); a plain no
        // beside another sign of that tier ("nee, wel last van mijn nek en ik zie dubbel") is checked now too.
        if ((reopen || state.Confirmed.Count > 0) && TriageRouter.IsEmergency(_dialogs, state)
            && (!_screens.Contains(state.Step) || state.Answers.GetValueOrDefault(state.Step)?.YesNo == YesNo.No))
        {
            return ShowOutcome(state, Flow[_resultStep], replies);
        }

        var context = _navigator.Context(state);
        if (OutOfOrder(state, context, reopen) is { } jump)
        {
            var jumped = state with { Step = jump, History = state.History.Add(jump) };
            return new TurnResult(jumped, replies.Add(Ask(jumped, jump)));
        }

        var (next, history) = NextOpen(state, state.History, context);
        var target = Flow[next];
        if (target.IsOutcome)
        {
            return ShowOutcome(state with { History = history }, target, replies);
        }

        // "Ja, 39 graden" with a stiff neck and a headache: a warning sign that means the GP now is advised as soon as
        // no question left could make it 112, not after the questions that are left.
        if (_pastEmergencySigns.Contains(next) && AnySignToldOrInDoubt(state) && TriageRouter.IsVeryUrgent(_dialogs, context))
        {
            return ShowOutcome(state, Flow[_resultStep], replies);
        }

        var asked = state with { Step = next, History = history };
        return new TurnResult(asked, replies.Add(Ask(asked, next)));
    }

    // The one of the other signs a question asks about that a message names, when it names none of the question's own.
    private static string? CoveredSignNamed(DialogState question, Interpretation understood)
    {
        string? covered = null;
        foreach (var entity in understood.Entities)
        {
            if (entity.Resolution is RedFlagResolution { Negated: false } flag)
            {
                if (question.Signals.Contains(flag.Code))
                {
                    return null;
                }

                covered ??= question.Covers.Contains(flag.Code) ? flag.Code : null;
            }
        }

        return covered;
    }

    // Whether any warning sign was told, or answered "weet ik niet": without one, no rule that reads the red flags holds,
    // and working them out can wait. A cheap look at the answers before the rules are read.
    private bool AnySignToldOrInDoubt(TriageState state)
    {
        foreach (var (key, answer) in state.Answers)
        {
            if (answer.YesNo is YesNo.Yes or YesNo.Unknown && (Flow.RedFlagCodes.ContainsKey(key) || RedFlags.IsExtraKey(key)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The state after the current one that waits: an outcome, or a question that is asked and not answered yet. A
    /// question whose module is off or whose <c>when</c> does not hold is passed by; an answered one is skipped. Every
    /// question asked on the way, the one found included, is added to <paramref name="history"/>.
    /// </summary>
    private (string Next, ImmutableList<string> History) NextOpen(TriageState state, ImmutableList<string> history, AnswerContext? context = null)
    {
        // The answers do not change while moving on, so every condition on the way reads the same context.
        context ??= _navigator.Context(state);

        // A choice the message did not answer, since what it told instead closed the question ("calf feels swollen and
        // red" to a mood question, which is asked only without warning signs): passed by, as if never asked.
        var current = Flow[state.Step];
        var next = current.Kind == AnswerKind.Choice && !current.IsOutcome && !state.Answers.ContainsKey(state.Step)
            ? _navigator.SkipFrom(current)
            : _navigator.Next(state.Step, context);
        for (var guard = 0; guard <= Flow.States.Count; guard++)
        {
            var target = Flow[next];
            if (target.IsOutcome)
            {
                return (next, history);
            }

            if (!_navigator.IsAsked(target, context))
            {
                next = _navigator.SkipFrom(target);
                continue;
            }

            history = history.Add(next);
            if (!state.Answers.ContainsKey(next))
            {
                return (next, history);
            }

            next = _navigator.Next(next, context);
        }

        throw new InvalidOperationException($"The flow loops through answered questions from '{state.Step}'.");
    }

    /// <summary>
    /// The question asked next out of the flow's order, if any. What a message told in passing can open a question
    /// already passed by ("ook mijn onderrug" opens the questions for the back): the first of those comes first. So does
    /// the first question that one asked first passed over, unless its answer ends the triage (a yes to chest pain).
    /// Then a question whose <c>first-when</c> holds.
    /// </summary>
    private string? OutOfOrder(TriageState state, AnswerContext context, bool reopen) =>
        (reopen || (Flow[state.Step].FirstWhen is not null && !Flow[_navigator.Next(state.Step, context)].IsOutcome) ? EarlierOpen(state, context) : null)
        ?? FirstOpen(state, context);

    /// <summary>
    /// A question whose <c>first-when</c> holds, that is asked and not answered, and is not the current one: it comes
    /// next ("rug en borst" asks about chest pain before how long). Only once the questions its condition reads have
    /// been asked: a chest told in passing at the emergency screen waits for the place to be asked. Null when there is
    /// none.
    /// </summary>
    private string? FirstOpen(TriageState state, AnswerContext? context = null)
    {
        foreach (var (question, after) in _askedFirst)
        {
            if (question.Id != state.Step && !state.Answers.ContainsKey(question.Id) && Array.TrueForAll(after, state.History.Contains))
            {
                context ??= _navigator.Context(state);
                if (question.FirstWhen!.Evaluate(context) && _navigator.IsAsked(question, context))
                {
                    return question.Id;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The first question before the current one, walking the flow from its start with the answers as they are now,
    /// that is asked and not answered: one an answer told later opened. Null when there is none.
    /// </summary>
    private string? EarlierOpen(TriageState state, AnswerContext? context = null)
    {
        context ??= _navigator.Context(state);
        var step = Flow.Start;
        for (var guard = 0; guard <= Flow.States.Count && step != state.Step; guard++)
        {
            var target = Flow[step];
            if (target.IsOutcome)
            {
                return null;
            }

            if (!_navigator.IsAsked(target, context))
            {
                step = _navigator.SkipFrom(target);
                continue;
            }

            if (!state.Answers.ContainsKey(step))
            {
                return step;
            }

            step = _navigator.Next(step, context);
        }

        return null;
    }

    /// <summary>
    /// How many questions are left, this one included, when every answer from here on is the plainest: no, the first
    /// choice, no pain, a week, no place named. The usual way through the flow; a yes to a red flag ends it sooner, a
    /// place can add the questions that belong to it.
    /// </summary>
    private int QuestionsLeft(TriageState state)
    {
        var count = 1;
        for (; count < Flow.States.Count; count++)
        {
            if (!state.Answers.ContainsKey(state.Step))
            {
                state = state with { Answers = state.Answers.SetItem(state.Step, PlainAnswer(Flow[state.Step])) };
            }

            var context = _navigator.Context(state);
            var next = OutOfOrder(state, context, false) ?? NextOpen(state, [], context).Next;
            if (Flow[next].IsOutcome)
            {
                break;
            }

            state = state with { Step = next };
        }

        return count;
    }

    private static Answer PlainAnswer(DialogState question) => question.Kind switch
    {
        AnswerKind.YesNo => new Answer { Kind = AnswerKind.YesNo, YesNo = YesNo.No },
        AnswerKind.Choice => new Answer { Kind = AnswerKind.Choice, Choice = question.Choices.Count > 0 ? question.Choices[0].Code : null },
        AnswerKind.Scale or AnswerKind.Number => new Answer { Kind = question.Kind, Number = question.Min ?? 0 },
        AnswerKind.Duration => new Answer { Kind = AnswerKind.Duration, Seconds = DurationResolution.SecondsPerWeek },
        _ => new Answer { Kind = question.Kind, Text = "" },
    };

    /// <summary>
    /// The result, once every very urgent (T0/T1) answer behind it has been checked with the person; an outcome state
    /// marked as an emergency gives the emergency advice instead.
    /// </summary>
    private TurnResult ShowOutcome(TriageState state, DialogState target, ImmutableList<Reply> replies)
    {
        if (target.Emergency is { } category)
        {
            var evidence = state.Answers.TryGetValue(state.Step, out var trigger) ? trigger.Evidence : "";
            var emergency = Emergency(state, category == "suicide", evidence);
            return emergency with { Replies = replies.AddRange(emergency.Replies) };
        }

        var unconfirmed = TriageRouter.Unconfirmed(_dialogs, state);
        if (unconfirmed.Count > 0)
        {
            var checking = state with { Step = ConfirmStep, Confirming = unconfirmed[0] };
            return new TurnResult(checking, replies.Add(ConfirmQuestion(checking, unconfirmed[0])));
        }

        var outcomeState = state with { Step = target.Id, History = state.History.Add(target.Id), Confirming = null };
        var outcome = TriageRouter.Route(_dialogs, outcomeState);
        outcomeState = outcomeState with { Outcome = outcome };

        // "Call 112 now" comes first, not after a thank-you for the answers.
        if (outcome.Urgency != "T0")
        {
            replies = replies.Add(new Reply(target.Question.Get(state.Culture)));
        }

        return new TurnResult(outcomeState, replies.Add(OutcomeReply(outcomeState, outcome)));
    }

    /// <summary>
    /// "Wait, I forgot to say I have a fever" after the result: a sign, contraindication or context told now, and not
    /// told before, is noted and the result worked out again (checked first when it is very urgent). Null when the
    /// message tells nothing new of that kind.
    /// </summary>
    private TurnResult? ToldAfterTheResult(TriageState state, Interpretation understood)
    {
        if (understood.First<RedFlagResolution>() is null)
        {
            return null;
        }

        var answers = state.Answers;
        var notes = new List<string>();
        foreach (var question in _extraQuestions)
        {
            if (question.Kind == AnswerKind.YesNo && question.HasSignal && ReadExtra(question, understood) is { YesNo: YesNo.Yes } told
                && !(answers.TryGetValue(question.Id, out var earlier) && earlier.YesNo == YesNo.Yes))
            {
                answers = answers.SetItem(question.Id, told);
                notes.Add(Describe(question, told, understood, state.Culture));
            }
        }

        answers = RecordUnaskedRedFlags(answers, understood, notes, state.Culture);
        if (notes.Count == 0)
        {
            return null;
        }

        // What it tells may open a question (fever opens whether the person is very unwell): that is asked first.
        var reopened = state with { Answers = answers, Outcome = null };
        if (!TriageRouter.IsEmergency(_dialogs, reopened) && EarlierOpen(reopened) is { } open)
        {
            var asking = reopened with { Step = open, History = reopened.History.Add(open) };
            return new TurnResult(asking, [new Reply(Texts.Get("noted", state.Culture).Format(state.Culture, Join(notes, state.Culture))), Ask(asking, open)]);
        }

        // Advice that stays the same word for word is not shown again: what was told is noted for the therapist.
        if (TriageRouter.Unconfirmed(_dialogs, reopened).Count == 0 && state.Outcome is { } before
            && TriageRouter.Route(_dialogs, reopened with { Step = state.Step }) is var after
            && OutcomeReply(state, before).Text == OutcomeReply(state, after).Text)
        {
            return new TurnResult(state with { Answers = answers, Outcome = after },
                [new Reply(Texts.Get("noted.after-result.same", state.Culture).Format(state.Culture, Join(notes, state.Culture)))]);
        }

        return ShowOutcome(reopened, Flow[_resultStep], [new Reply(Texts.Get("noted.after-result", state.Culture).Format(state.Culture, Join(notes, state.Culture)))]);
    }

    // On from a checked answer: past the question it was told at, or, when that was the result (a sign told after it),
    // to the result once more.
    private TurnResult GoOn(TriageState state, ImmutableList<Reply> replies) =>
        Flow.TryGet(state.Step, out var at) && at.IsOutcome ? ShowOutcome(state with { Outcome = null }, at, replies) : Advance(state, replies);

    private static TriageState Missed(TriageState state) => state with { Misses = state.Misses + 1 };

    /// <summary>
    /// "Dat begreep ik niet helemaal" with how to answer; every third time in a row a way out instead: help, stop, the
    /// practice, the GP, 112. The question itself is asked again either way, so no answer is ever skipped for the person.
    /// </summary>
    private Reply Reask(TriageState missed, string hint, string lead = "reask") => missed.Misses % StuckAfter == 0
        ? new(Texts.Get("reask.stuck", missed.Culture).Format(missed.Culture, hint))
        : new($"{Texts.Get(lead, missed.Culture)} {hint}");

    // "Al heel lang", or "for a while" in a Dutch conversation when the message is more English than Dutch.
    private bool VagueLength(DialogState question, string text, string culture, DateOnly today)
    {
        if (question.Kind != AnswerKind.Duration)
        {
            return false;
        }

        var recognizer = _dialogs.Recognizer;
        var other = Cultures.Other(culture);
        return recognizer.Durations.IsVagueLength(text, culture)
            || (recognizer.Lexicons.Languages.Contains(other) && recognizer.IsRather(text, other, culture) && recognizer.Durations.IsVagueLength(text, other)
                // "Sinds 2 maanden" in an English conversation is a length in the other language, read as such.
                && recognizer.Durations.Recognize(text, other, today).Count == 0);
    }

    /// <summary>
    /// "Klopt het dat ...?": the statement of the red-flag question, or the question and the answer given; after an answer
    /// already checked, as one more thing ("Nog één ding: ...").
    /// </summary>
    private Reply ConfirmQuestion(TriageState state, string key)
    {
        var culture = state.Culture;
        var answer = state.Answers[key];
        var statement = Flow.TryGet(key, out var question)
            ? question.Confirm?.Get(culture) ?? Texts.Get("confirm.generic", culture).Format(culture, question.Question.Get(culture), answer.Evidence)
            : Texts.Get("confirm.mentioned", culture).Format(culture, answer.Evidence);
        return new Reply(Texts.Get(state.Confirmed.IsEmpty ? "confirm.question" : "confirm.question.next", culture).Format(culture, statement)) { Choices = YesNoChoices(culture) };
    }

    /// <summary>
    /// The person's reply to "Klopt het dat ...?": yes (or not sure: when in doubt, the doctor) keeps the answer and
    /// moves on to the result; no takes them back to that question to answer it again, and that answer stands: a yes
    /// to the question asked in full once more is not checked again, or "ja" and "nee" in turn would never end.
    /// </summary>
    private TurnResult CheckConfirmation(TriageState state, string key, Interpretation understood)
    {
        // "Waarom?" or "wat bedoel je?": why the check is asked, or what its sign means, then the check again; no miss.
        // An answer after the question back still counts ("wat bedoel je? o, ja dat klopt").
        if (_dialogs.Recognizer.Booleans.FindQuestionBack(understood.Text, state.Culture) is { } asked)
        {
            understood = new Interpretation(understood.Text, understood.Culture, [.. understood.Entities.Where(e => e.Start >= asked)]) { OnBehalf = understood.OnBehalf };
            if (YesOrNo(understood, []) is null)
            {
                var why = HasCue($" {Normalize(understood.Text[..Math.Min(asked, understood.Text.Length)])} ", _whyCues);
                var answer = why ? Texts.Get("confirm.why", state.Culture)
                    : Flow.TryGet(key, out var question) ? Explain(question, state.Culture)
                    : Texts.Get("confirm.explain", state.Culture);
                return new TurnResult(state, [new Reply(answer), ConfirmQuestion(state, key)]);
            }
        }

        // "No wait, actually yes": the later answer after a correction counts.
        var boolean = YesOrNo(understood, []);
        if (boolean is null)
        {
            var missed = Missed(state);
            return new TurnResult(missed, [Reask(missed, Texts.Get("hint.yes-no", state.Culture)), ConfirmQuestion(missed, key)]);
        }

        var last = state.History.Count > 0 ? state.History[^1] : Flow.Start;

        // "Maybe, I'm not sure" to the check of a sign that means 112: not known, as "weet ik niet" to its own question
        // is, which is the GP now and 112 once it is certain or worse. The check of a sign for the GP now keeps it.
        if (boolean == YesNo.Unknown && state.Answers.TryGetValue(key, out var told) && Flow.TryGet(key, out var checkedQuestion)
            && checkedQuestion.Kind == AnswerKind.YesNo && TriageRouter.IsEmergency(_dialogs, state))
        {
            var unsure = told with { YesNo = YesNo.Unknown, Evidence = Evidence($"{told.Evidence}; {understood.Text}") };
            return GoOn(state with { Step = last, Confirming = null, Answers = state.Answers.SetItem(key, unsure), Confirmed = state.Confirmed.Add(key) }, []);
        }

        if (boolean != YesNo.No)
        {
            return GoOn(state with { Step = last, Confirming = null, Confirmed = state.Confirmed.Add(key) }, []);
        }

        var answers = state.Answers.Remove(key);
        if (!Flow.Contains(key))
        {
            // The question the sign was told at, if it is still unanswered ("i can't talk properly" to how bad), is
            // asked again; otherwise the flow goes on past it.
            var resumed = state with { Step = last, Confirming = null, Answers = answers };
            return Flow.TryGet(last, out var open) && !open.IsOutcome && !answers.ContainsKey(last)
                ? new TurnResult(resumed, [Say(state, "confirm.dropped"), Ask(resumed, last)])
                : GoOn(resumed, [Say(state, "confirm.dropped")]);
        }

        var changed = Say(state, "confirm.changed");
        var index = state.History.LastIndexOf(key);
        var history = index >= 0 ? state.History.RemoveRange(index + 1, state.History.Count - index - 1) : state.History.Add(key);
        var back = state with { Step = key, Confirming = null, Answers = answers, History = history, Confirmed = state.Confirmed.Add(key) };
        return new TurnResult(back, [changed, Ask(back, key)]);
    }

    // Suicidal words told of someone else ("mijn zus heeft suïcidale gedachten") get the 113 advice worded for the one
    // who worries about them.
    private TurnResult Emergency(TriageState state, ModelResult emergency, string text)
    {
        var suicide = ((EmergencyResolution)emergency.Resolution).Category == EmergencyCategory.Suicide;
        return Emergency(state, suicide, emergency.Text, suicide && _dialogs.Recognizer.SuicideToldOnBehalf(text, state.Culture));
    }

    private TurnResult Emergency(TriageState state, bool suicide, string words, bool someoneElse = false)
    {
        var rule = !suicide ? "emergency-medical" : someoneElse ? SomeoneElsesSuicideRule : SuicideRule;
        var key = AdviceKey(rule);
        var outcome = new TriageOutcome
        {
            Urgency = Vocabulary.EmergencyUrgency,
            Routes = ["emergency-112"],
            RedFlags = [.. RedFlags.Reported(Flow, state.Answers).Order(StringComparer.Ordinal)],
            Reasons = [new OutcomeReason(rule, Texts.Get(key, state.Culture)) { Evidence = words.Length > 0 ? [Evidence(words)] : [] }],
            Completed = false,
            Emergency = true,
        };
        var next = state with { Step = EmergencyStep, Outcome = outcome, Confirming = null, History = state.History.Add(EmergencyStep) };
        ImmutableList<Reply> replies = [new Reply(Texts.Get(key, state.Culture)) { IsOutcome = true }];
        return new TurnResult(next, suicide && ResumeStep(next) is not null ? replies.Add(ContinueOffer(next)) : replies);
    }

    /// <summary>
    /// What a message with suicidal words told about the complaint, kept for when the person goes on after the 113
    /// advice ("mijn rug doet al maanden pijn en ik zie het niet meer zitten": the back and the months). Only at a
    /// question of a place, a duration or a score, which the words of despair cannot answer by mistake, as their "niet"
    /// could answer a yes-no question.
    /// </summary>
    private TriageState ToldBeforeTheAdvice(TriageState state, ModelResult emergency, string text, string said, Interpretation understood, DateOnly today)
    {
        if (((EmergencyResolution)emergency.Resolution).Category != EmergencyCategory.Suicide || state.Outcome is not null
            || !Flow.TryGet(state.Step, out var asked) || asked.Kind is not (AnswerKind.BodyLocation or AnswerKind.Duration or AnswerKind.Scale))
        {
            return state;
        }

        var told = Answer(state, text, said, understood, today).State;
        return told.Outcome is null && Flow.TryGet(told.Step, out var next) && !next.IsOutcome ? told : state;
    }

    private const string SuicideRule = "emergency-suicide";

    private const string SomeoneElsesSuicideRule = "emergency-suicide-someone-else";

    // The advice text of an emergency outcome's rule.
    private static string AdviceKey(string rule) => rule switch
    {
        SuicideRule => "emergency.suicide",
        SomeoneElsesSuicideRule => "emergency.suicide.someone-else",
        _ => "emergency.medical",
    };

    private static string AdviceKey(TriageOutcome outcome) => AdviceKey(outcome.Reasons.Count > 0 ? outcome.Reasons[0].Rule : "");

    private static bool IsSuicideAdvice(TriageOutcome outcome) => outcome.Reasons.Any(r => r.Rule is SuicideRule or SomeoneElsesSuicideRule);

    private static bool ForSomeoneElse(TriageOutcome outcome) => outcome.Reasons.Any(r => r.Rule == SomeoneElsesSuicideRule);

    /// <summary>"Ben je nu veilig en wil je toch verder …?", with the button that goes on.</summary>
    private Reply ContinueOffer(TriageState state) =>
        Say(state, state.Outcome is { } advice && ForSomeoneElse(advice) ? "emergency.suicide.someone-else.continue" : "emergency.suicide.continue")
            with { Choices = [new Choice("continue", Texts.Get("emergency.suicide.continue.choice", state.Culture))] };

    /// <summary>The question the emergency advice interrupted, if the flow can go on there.</summary>
    private string? ResumeStep(TriageState state) =>
        state.Step == EmergencyStep && state.History.Count >= 2 && Flow.TryGet(state.History[^2], out var interrupted) && !interrupted.IsOutcome
            ? interrupted.Id
            : null;

    // Whether a stop came at a question or at a check ("Klopt het dat ...?" is kept in Confirming), where "verder" goes on.
    private bool StoppedAtAQuestion(TriageState state) =>
        state.Step == StoppedStep && (state.Confirming is not null || (state.History.Count > 0 && Flow.TryGet(state.History[^1], out var at) && !at.IsOutcome));

    /// <summary>"Verder" after "stop": the question it came at once more, or the check that was waiting.</summary>
    private TurnResult ResumeAfterStop(TriageState state)
    {
        if (state.Confirming is { } key)
        {
            var checking = state with { Step = ConfirmStep, Outcome = null };
            return new TurnResult(checking, [Say(checking, "stopped.resumed"), ConfirmQuestion(checking, key)]);
        }

        var resumed = state with { Step = state.History[^1], Outcome = null };
        return new TurnResult(resumed, [Say(resumed, "stopped.resumed"), Ask(resumed, resumed.Step)]);
    }

    /// <summary>
    /// Back to the question the suicide-prevention advice interrupted, when the person says they want to go on. The
    /// result will say the advice again.
    /// </summary>
    private TurnResult Resume(TriageState state, string step)
    {
        var resumed = state with
        {
            Step = step,
            Outcome = null,
            History = state.History.RemoveAt(state.History.Count - 1),
            ContinuedAfterSuicideAdvice = true,
            SuicideAdviceWords = state.Outcome?.Reasons.SelectMany(r => r.Evidence).FirstOrDefault() ?? state.SuicideAdviceWords,
        };
        return new TurnResult(resumed, [Say(resumed, "emergency.suicide.resumed"), Ask(resumed, step)]);
    }

    private TurnResult RunCommand(TriageState state, string command)
    {
        switch (command)
        {
            case "continue" when state.Step == StoppedStep:
                return ResumeAfterStop(state);
            case "continue" when ResumeStep(state) is { } step:
                return Resume(state, step);
            case "help":
                return new TurnResult(state, ResumeReplies(state, Say(state, "help")));
            case "restart":
                // The language chosen is kept: it is the person's, not an answer about the complaint.
                var restarted = Start(state.Culture);
                if (Flow.States.FirstOrDefault(q => q.SetsLanguage) is { } languageQuestion && state.Answers.TryGetValue(languageQuestion.Id, out var chosenLanguage))
                {
                    restarted = restarted with { State = restarted.State with { Culture = state.Culture, Answers = restarted.State.Answers.SetItem(languageQuestion.Id, chosenLanguage) } };
                }

                return restarted with { Replies = restarted.Replies.Insert(0, Say(state, "restarted")) };
            case "stop":
                var stopped = state with { Step = StoppedStep, Outcome = new TriageOutcome { Completed = false } };
                // Stopped while a very urgent answer was being checked: what to do about it is said all the same, 112
                // for an answer that means it.
                // Stopped at a question about mood ("i give up" to whether they feel hopeless), or after the 113 advice
                // ("ik wil niet verder"): 113 is named too.
                return new TurnResult(stopped, state.Step == ConfirmStep
                    ? [Say(state, "stopped"), Say(state, TriageRouter.IsEmergency(_dialogs, state) ? "stopped.unconfirmed.emergency" : "stopped.unconfirmed")]
                    : (Flow.TryGet(state.Step, out var mood) && mood.Choices.Any(c => c.FromDays is not null)) || (state.Outcome is { } advice && IsSuicideAdvice(advice))
                        ? [Say(state, "stopped"), Say(state, "stopped.mood")]
                    : [Say(state, "stopped")]);
            case "english" or "dutch" when Flow.TryGet(state.Step, out var asked) && asked.SetsLanguage && state.Outcome is null:
                var chosen = command == "english" ? Cultures.English : Cultures.Dutch;
                var answered = state with
                {
                    Culture = chosen,
                    Answers = state.Answers.SetItem(asked.Id, new Answer { Kind = AnswerKind.Choice, Choice = chosen, Evidence = Evidence(command) }),
                };
                return Advance(answered, [Say(answered, "language.switched")]);
            case "english" or "dutch":
                // The choice made before the language question answers it: "english please" at the first question.
                var language = command == "english" ? Cultures.English : Cultures.Dutch;
                var switched = state with { Culture = language };
                if (Flow.States.FirstOrDefault(s => s.SetsLanguage) is { } question && !state.Answers.ContainsKey(question.Id) && state.Outcome is null)
                {
                    switched = switched with { Answers = state.Answers.SetItem(question.Id, new Answer { Kind = AnswerKind.Choice, Choice = language, Evidence = Evidence(command) }) };
                }

                // After the advice, the advice once more in the language now chosen.
                if (state.Outcome is { Completed: true } && Flow.TryGet(state.Step, out var result) && result.IsOutcome && result.Emergency is null)
                {
                    return ShowOutcome(switched with { Outcome = null, History = state.History.RemoveAt(state.History.Count - 1) }, result, [Say(switched, "language.switched")]);
                }

                return new TurnResult(switched, ResumeReplies(switched, Say(switched, "language.switched")));
            case "greeting":
                return new TurnResult(state, ResumeReplies(state, Say(state, "greeting")));
            case "thanks":
                return new TurnResult(state, state.Outcome is null ? ResumeReplies(state, Say(state, "thanks")) : StoppedAtAQuestion(state) ? [Say(state, "thanks.done"), Say(state, "stopped.again")] : [Say(state, "thanks.done")]);
            case "progress":
                var left = QuestionsLeft(state);
                return new TurnResult(state, ResumeReplies(state, left <= 1 ? Say(state, "progress.last") : new Reply(Texts.Get("progress", state.Culture).Format(state.Culture, left))));
            case "erase":
                var confirming = state with { Step = EraseStep, History = state.History.Add(state.Step) };
                return new TurnResult(confirming, [Say(state, "erase.confirm") with { Choices = YesNoChoices(state.Culture) }]);
            default:
                return Back(state);
        }
    }

    // A greeting, or the question how many are left, is answered only while a question of the flow waits, thanks also
    // after the result; while a very urgent answer or an erasure is checked, or after the emergency advice, the message
    // is read as any other.
    private bool Applies(string command, TriageState state, Interpretation understood) => command switch
    {
        // "Back" to where the complaint is: the place, not the command.
        "back" => !(Flow.TryGet(state.Step, out var asked) && asked.Kind == AnswerKind.BodyLocation && understood.First<BodyLocationResolution>() is not null)
            && !CorrectsAfterTheCommand(understood),
        "greeting" or "progress" => state.Outcome is null && Flow.TryGet(state.Step, out _),
        "thanks" => state.Step is not (EmergencyStep or ConfirmStep or EraseStep),
        // "Verder" goes on after the suicide-prevention advice, or after "stop" where the conversation was; anywhere
        // else it is read as any other message.
        "continue" => (state.Outcome is { } shown && IsSuicideAdvice(shown) && ResumeStep(state) is not null) || StoppedAtAQuestion(state),
        _ => true,
    };

    private TurnResult Back(TriageState state)
    {
        var history = state.History;
        if (history.Count <= 1 || state.Step is EmergencyStep or StoppedStep)
        {
            return new TurnResult(state, ResumeReplies(state, Say(state, "back.none")));
        }

        if (state.Step == ConfirmStep)
        {
            var last = history[^1];
            var unconfirmed = state with { Step = last, Confirming = null, Answers = state.Answers.Remove(last) };
            return new TurnResult(unconfirmed, [Ask(unconfirmed, last)]);
        }

        history = history.RemoveAt(history.Count - 1);
        var previous = history[^1];
        var back = state with { Step = previous, History = history, Answers = state.Answers.Remove(previous), Outcome = null };
        return new TurnResult(back, [Ask(back, previous)]);
    }

    private TurnResult ConfirmErase(TriageState state, Interpretation understood)
    {
        var resume = state.History.Count > 0 ? state.History[^1] : Flow.Start;
        var resumed = state with { Step = resume, History = state.History.Count > 0 ? state.History.RemoveAt(state.History.Count - 1) : state.History };
        if (understood.First<BooleanResolution>() is { Resolution.Value: YesNo.Yes })
        {
            var fresh = Start(state.Culture);
            return fresh with { Replies = fresh.Replies.Insert(0, Say(state, "erase.done")), EraseRequested = true };
        }

        return new TurnResult(resumed, ResumeReplies(resumed, Say(state, "erase.cancelled")));
    }

    /// <summary>
    /// A message followed by the question the conversation is at ("Klopt het dat ...?" while an answer is checked), or
    /// the closing word when it is over.
    /// </summary>
    private ImmutableList<Reply> ResumeReplies(TriageState state, Reply first) =>
        state.Step == ConfirmStep && state.Confirming is { } key ? [first, ConfirmQuestion(state, key)]
            : Flow.TryGet(state.Step, out var current) && !current.IsOutcome && state.Outcome is null ? [first, Ask(state, current.Id)]
            : [first];

    private Answer? ReadAnswer(DialogState question, string text, string spaced, Interpretation understood, TriageState state, DateOnly today)
    {
        var evidence = Evidence(text);
        var culture = understood.Culture;
        switch (question.Kind)
        {
            case AnswerKind.Duration:
                // "Gisteren" to "how long have you had it?": since yesterday. After "how many weeks?", "8" is 8 weeks and
                // "weet ik niet" the two weeks "al weken" means at least.
                return ReadExtra(question, understood)
                    ?? ((_dialogs.Recognizer.Durations.RecognizeStartAnswer(text, culture, today) ?? _dialogs.Recognizer.Durations.RecognizeUnitAnswer(text, culture)) is { } start
                        ? new Answer { Kind = AnswerKind.Duration, Seconds = start.Seconds, Approximate = start.Approximate, Evidence = evidence }
                        : null)
                    ?? (state.DurationUnitAsked is not { } unit ? null
                        : FirstNumber(understood, 1, 1000) is { } count
                            ? new Answer { Kind = AnswerKind.Duration, Seconds = (long)Math.Round(count * unit), Approximate = true, Evidence = evidence }
                        : understood.First<BooleanResolution>() is { Resolution.Value: YesNo.Unknown }
                            ? new Answer { Kind = AnswerKind.Duration, Seconds = 2 * unit, Approximate = true, Evidence = evidence }
                        : null)
                    ?? SinceATimedMention(text, state, today);
            case AnswerKind.YesNo:
                // The person's own words about the flag weigh more than a yes or no beside them: "nee, maar wel koorts".
                // Only a yes beside a mention that its time denies stays a yes ("ja, vorig jaar geopereerd" to "does any
                // of these apply?"): the person says something applies, and the careful reading asks on.
                if (question.HasSignal && ReadExtra(question, understood) is { } flag)
                {
                    // A screen asks about now: a sign told in another clause than its own words for "not now" ("not
                    // right now, but I had chest pain yesterday") is not known to be there now, and the signs are asked
                    // once more, one by one. In one clause the sign is there: "ik kan mijn arm nu niet bewegen". So with
                    // a plain no beside a sign that is no emergency phrase ("no, but my arm feels weak after the gym"):
                    // an emergency phrase ("nee, maar mijn arm is ineens slap") has had its advice before any answer.
                    if (flag.YesNo == YesNo.Yes && _screens.Contains(question.Id) && SaysNoToTheScreen(question, understood))
                    {
                        return new Answer { Kind = AnswerKind.YesNo, YesNo = YesNo.Unknown, Evidence = evidence };
                    }

                    // "I had a DVT in that leg last year" to whether there is a thrombosis now (red-flags.yaml timed
                    // pastUnsure): no clean no; the GP looks at that leg before a massage.
                    if (flag.YesNo == YesNo.No && PastButUnsure(question, understood))
                    {
                        return new Answer { Kind = AnswerKind.YesNo, YesNo = YesNo.Unknown, Evidence = evidence };
                    }

                    // "No fever, just feel rubbish": a question about more than one thing has a yes in its own words
                    // for another of them.
                    return flag.YesNo != YesNo.Yes && ((TimedMention(question, flag, understood) is not null && understood.First<BooleanResolution>() is { Resolution.Value: YesNo.Yes })
                            || AnswerToThisQuestion(question, understood) == YesNo.Yes)
                        ? new Answer { Kind = AnswerKind.YesNo, YesNo = YesNo.Yes, Evidence = evidence }
                        : flag with { Evidence = evidence };
                }

                // "Ok" or "no problem" to whether there is a fever agrees to something not asked: no answer to a sign.
                if (question.HasSignal && !_screens.Contains(question.Id) && _agreementCues.Contains(spaced, StringComparer.Ordinal))
                {
                    return null;
                }

                // Then words that answer this question alone ("vooral 's nachts", "het wordt al beter", "nog nooit
                // gehad", whose "nooit" is no no), then an age said as the whole answer to a question about age ("ik
                // ben 62": the age is what counts, whatever yes or no stands before it), then a yes or no that is not
                // the denial of another flag ("nooit kanker gehad" to the question on infections tells of cancer, not
                // of infections), then the question's own yes words, as the whole message: "prima" to the consent
                // question.
                // "Misschien" to whether the answers may be kept is no choice either way: what keeping means is said,
                // and the question asked again.
                // "Yes, I had chest pain last week but it's gone now" to a screen about now: the yes is the passed
                // sign's, which is noted, and the screen asked again.
                return (AnswerToThisQuestion(question, understood) ?? AgeAnswer(question, understood) ?? TemperatureAnswer(question, understood)
                        ?? YesOrNo(understood, _dialogs.Recognizer.Booleans.FindNeither(question.Id, understood.Text, understood.Culture), careful: question.HasSignal)) is { } said
                        && !(said == YesNo.Unknown && question.Id == TriageState.ConsentQuestion)
                        && !(said == YesNo.Yes && _screens.Contains(question.Id) && TellsOfAPassedSign(understood))
                    ? new Answer { Kind = AnswerKind.YesNo, YesNo = said == YesNo.Yes && _screens.Contains(question.Id) && OnlyHedged(understood) ? YesNo.Unknown : said, Evidence = evidence }
                    : _alsoYes.TryGetValue(question.Id, out var yesWords) && yesWords.Contains(spaced.Trim())
                        ? new Answer { Kind = AnswerKind.YesNo, YesNo = YesNo.Yes, Evidence = evidence }
                        : null;
            case AnswerKind.Choice:
                return (ChoiceAfterCorrection(question, spaced) ?? ReadChoice(question, spaced) ?? ChoiceInFirstClause(question, text)
                        ?? ChoiceByDays(question, understood)
                        ?? (question.Choices.Any(c => c.FromTen is not null) ? ChoiceByTenths(question, understood) : ChoiceByScore(question, understood))
                        ?? ChoiceByYesNo(question, understood)) is { } code
                    ? new Answer { Kind = AnswerKind.Choice, Choice = code, Evidence = evidence }
                    : null;
            case AnswerKind.Number:
                return FirstNumber(understood, question.Min, question.Max) is { } number
                    ? new Answer { Kind = AnswerKind.Number, Number = number, Evidence = evidence }
                    : null;
            case AnswerKind.Scale:
                // "-3" is no score on a scale from 0: asked again rather than read as 3.
                if (text.AsSpan().TrimStart() is ['-', var digit, ..] && char.IsAsciiDigit(digit))
                {
                    return null;
                }

                // "8 weken" or "8 uur per dag" tells a time, not a score. "Matig" is about a 5, and said back as such.
                // "Geen idee, wisselt heel erg": a score in words beside a don't-know is no score; the question's
                // explain asks for a usual day.
                var pain = PainScore(understood);
                if (pain is { Resolution.InWords: true } && SaysDontKnow(understood))
                {
                    return null;
                }

                var score = pain?.Resolution.Value ?? FirstNumber(understood, 0, 10, notInATime: true) ?? GradeLike(understood);
                return score is { } s ? new Answer { Kind = AnswerKind.Scale, Number = s, Approximate = pain is { Resolution: { InWords: true, Value: > 0 } }, Evidence = evidence } : null;
            case AnswerKind.FreeText:
                return text.Length > 0 ? new Answer { Kind = AnswerKind.FreeText, Text = evidence, Evidence = evidence } : null;
            default:
                return ReadExtra(question, understood);
        }
    }

    // Whether the question's own sign was told with a time longer ago that leaves it unsure (red-flags.yaml timed
    // pastUnsure).
    private bool PastButUnsure(DialogState question, Interpretation understood)
    {
        var unsure = _dialogs.Recognizer.Lexicons.Get(understood.Culture).PastUnsureCodes;
        foreach (var code in question.Signals)
        {
            if (unsure.Contains(code) && understood.RedFlag(code) is { Resolution: { Negated: true, Timed: true } })
            {
                return true;
            }
        }

        return false;
    }

    private static bool SaysDontKnow(Interpretation understood)
    {
        foreach (var (_, boolean) in understood.All<BooleanResolution>())
        {
            if (boolean.Value == YesNo.Unknown)
            {
                return true;
            }
        }

        return false;
    }

    // "Nee wacht, het is links" after "rechterschouder", at a later question: a side alone, said as a correction, is the
    // one place's side. Not with a place or a sign in the message, nor with more than one place to choose from.
    private Answer? SideCorrected(DialogState current, ImmutableSortedDictionary<string, Answer> answers, string text, Interpretation understood) =>
        current.Kind != AnswerKind.BodyLocation && understood.First<BodyLocationResolution>() is null && understood.First<RedFlagResolution>() is null
        && answers.TryGetValue(_locationStep, out var placed) && placed.Locations is [{ Code: not (NoComplaint or WholeBody) } place]
        && _dialogs.Recognizer.BodyLocations.FirstSide(text, understood.Culture) is { } side && side != place.Side
            ? placed with { Locations = [place with { Side = side }], Evidence = Evidence(text) }
            : null;

    // Whether a number that could be a score stands before the first of the pain's ups and downs, outside a time:
    // the "3" of "pijn is 3 maar soms 9".
    private bool UsualNumberBefore(Interpretation understood)
    {
        var first = int.MaxValue;
        foreach (var (entity, _) in understood.All<PainScoreResolution>())
        {
            first = Math.Min(first, entity.Start);
        }

        foreach (var (entity, number) in understood.All<NumberResolution>())
        {
            if (entity.End < first && number.Value is >= 0 and <= 10 && !InATime(entity, understood))
            {
                return true;
            }
        }

        return false;
    }

    // The pain question asks for the usual pain: "soms een 8, meestal een 4" is a 4. Told only as its ups and downs,
    // "soms 3, soms 8", the worst of them. Otherwise the first score.
    private (ModelResult Entity, PainScoreResolution Resolution)? PainScore(Interpretation understood)
    {
        (ModelResult Entity, PainScoreResolution Resolution)? worst = null;
        var allUpsAndDowns = true;
        foreach (var (entity, score) in understood.All<PainScoreResolution>())
        {
            if (score.Usual)
            {
                return (entity, score);
            }

            allUpsAndDowns &= score.Sometimes;
            if (worst is null || score.Value > worst.Value.Resolution.Value)
            {
                worst = (entity, score);
            }
        }

        if (allUpsAndDowns && worst is { Resolution.Sometimes: true })
        {
            // "Pijn is 3 maar soms 9": a score of its own before the ups and downs is the usual pain, read as a number.
            return UsualNumberBefore(understood) ? null : worst;
        }

        // "Pretty bad, like an 8": the number says it more exactly than the words.
        (ModelResult Entity, PainScoreResolution Resolution)? first = null;
        foreach (var (entity, score) in understood.All<PainScoreResolution>())
        {
            if (first is null || (first.Value.Resolution is { InWords: true, Value: > 0 } && !score.InWords))
            {
                first = (entity, score);
            }
        }

        return first is { } told ? Corrected(understood, told) : null;
    }

    // "7, actually more like 4", "3 weeks, no wait, 3 months", "3, no 8": the last one of its kind told after a
    // correction cue, or a no, that follows the first; so is one said instead of it, "niet 3 weken maar 3 maanden".
    private (ModelResult Entity, T Resolution) Corrected<T>(Interpretation understood, (ModelResult Entity, T Resolution) first)
        where T : EntityResolution
    {
        var result = first;
        foreach (var (entity, resolution) in understood.All<T>())
        {
            if (entity.Start > result.Entity.End && (HasCue($" {Normalize(understood.Text[(result.Entity.End + 1)..entity.Start])} ", _correctionCues)
                || NoBetween(understood, result.Entity.End, entity.Start) || SaidInstead(understood, result.Entity, entity)))
            {
                result = (entity, resolution);
            }
        }

        return result;
    }

    /// <summary>An answer to a question that is not the current one: only what a message can say unambiguously.</summary>
    private Answer? ReadExtra(DialogState question, Interpretation understood, bool signPlaces = true)
    {
        switch (question.Kind)
        {
            case AnswerKind.BodyLocation:
                List<BodyLocation>? locations = null;
                List<string>? words = null;
                ModelResult? noComplaint = null;
                var placeEnd = -1;
                foreach (var (entity, place) in understood.All<BodyLocationResolution>())
                {
                    // "Geen pijn op de borst" names the chest only to deny a symptom there: not where the complaint is.
                    if (InsideAFlag(entity, understood, deniedOnly: signPlaces))
                    {
                        continue;
                    }

                    // "Linkerknie, nee sorry, rechterknie": the places after a correction replace those before it.
                    if (locations is not null && TakesBack(understood.Text[placeEnd..entity.Start], understood.Text[Math.Min(understood.Text.Length, entity.End + 1)..]))
                    {
                        locations.Clear();
                        words!.Clear();
                    }

                    var previousEnd = placeEnd;
                    placeEnd = Math.Max(placeEnd, entity.End + 1);

                    // "Nergens, ik wil gewoon ontspannen" is no complaint; with a place named it is that place.
                    if (place.Code == NoComplaint)
                    {
                        noComplaint ??= entity;
                        continue;
                    }

                    var location = place.ToBodyLocation();
                    locations ??= [];
                    words ??= [];
                    // "Pols en hand rechts": one place, on the side named; "linkerknie en rechterknie": both knees.
                    var same = locations.FindIndex(l => l.Code == location.Code);
                    if (same < 0)
                    {
                        locations.Add(location);
                    }
                    else if (locations[same].Side != location.Side && location.Side != BodySide.Unspecified)
                    {
                        // "Left knee. No, right knee": the side taken back.
                        var takenBack = locations[same].Side == BodySide.Unspecified || NoBetween(understood, previousEnd - 1, entity.Start);
                        locations[same] = location with { Side = takenBack ? location.Side : BodySide.Both };
                    }

                    if (!words.Contains(entity.Text))
                    {
                        words.Add(entity.Text);
                    }
                }

                // "Mijn linkerknie, oh nee wacht, de rechter", "left knee, no right": a side alone after a correction or a
                // no is the last place's; "linkerpols en ook de rechter", one added to it, makes it both.
                if (locations is not null && SideAfterTheLastPlace(understood, placeEnd, locations[^1].Side) is { } side
                    && locations[^1].Side != side)
                {
                    locations[^1] = locations[^1] with { Side = side };
                    words!.Add(understood.Text[placeEnd..].Trim(' ', ',', '.'));
                }

                // "Onderrug, het trekt door tot in mijn kuit": a place the pain spreads to is no complaint of its own, but the
                // leg it runs into joins the places, on its side: pain from the back into a leg is for a physiotherapist
                // to examine.
                if (locations is not null && !locations.Exists(l => IsInTheLeg(l.Code))
                    && _dialogs.Recognizer.BodyLocations.SpreadsInto(understood.Text, understood.Culture, _legCodes, _legWords.GetValueOrDefault(understood.Culture)) is { } legSide)
                {
                    // "Naar mn linkerbeen tot in mn tenen": the side of the leg word, when the place in it has none.
                    locations.Add(new BodyLocation(WholeLeg, legSide != BodySide.Unspecified ? legSide : LegsSideOf(understood, null)));
                }

                // "Eigenlijk nergens, maar mijn rechterbeen wordt steeds slapper": a sign told after it is a complaint after all.
                return locations is not null ? new Answer { Kind = AnswerKind.BodyLocation, Locations = [.. locations], Evidence = string.Join(", ", words!) }
                    : noComplaint is not null && !SignAfter(understood, noComplaint) ? new Answer { Kind = AnswerKind.BodyLocation, Locations = [new BodyLocation(NoComplaint)], Evidence = noComplaint.Text }
                    : null;
            case AnswerKind.Duration:
                return ComplaintDuration(understood) is { } duration
                    ? new Answer { Kind = AnswerKind.Duration, Seconds = duration.Resolution.Seconds, Approximate = duration.Resolution.Approximate, Evidence = duration.Entity.Text }
                    : null;
            case AnswerKind.Scale:
                return PainScore(understood) is { Resolution.InWords: false } pain
                    ? new Answer { Kind = AnswerKind.Scale, Number = pain.Resolution.Value, Evidence = pain.Entity.Text }
                    : null;
            case AnswerKind.YesNo when question.HasSignal:
                // Any mention that is not denied is a yes ("geen bloedverdunners, wel zwanger"); mentions that are all
                // denied are a no. A question after several things (the contraindication screen) is not answered no by
                // timed words alone ("vorig jaar geopereerd"): the person told one thing about one of them, so it is
                // not known whether the others apply, and the questions after it ask.
                (ModelResult Entity, RedFlagResolution Resolution)? denied = null;
                var onlyTimed = true;
                foreach (var code in question.Signals)
                {
                    if (understood.RedFlag(code) is { } found)
                    {
                        if (!found.Resolution.Negated)
                        {
                            return new Answer { Kind = AnswerKind.YesNo, YesNo = YesNo.Yes, Evidence = MentionsOf(understood, code) };
                        }

                        // "Geen prednison" says nothing of whether the immune system is weakened otherwise.
                        if (question.RedFlag is { } own && !string.Equals(code, own, StringComparison.Ordinal))
                        {
                            continue;
                        }

                        denied ??= found;
                        onlyTimed &= found.Resolution.Timed;
                    }
                }

                return denied is { } no
                    ? new Answer { Kind = AnswerKind.YesNo, YesNo = onlyTimed && question.Recognizes.Count > 1 ? YesNo.Unknown : YesNo.No, Evidence = Quoted(no.Entity.Text) }
                    : null;
            case AnswerKind.YesNo when question.YesForAge is { } ages:
                // "Ja, ik ben 55" to whether it is the first time: the age question that follows is answered too. Only
                // an age in words ("ik ben 55", "ouder dan 50"): a bare number can mean anything to another question.
                // A message without a number is not read again for one.
                return understood.First<NumberResolution>() is not null && _dialogs.Recognizer.Numbers.FindAge(understood.Text, understood.Culture, understood.OnBehalf) is { } age && ages.Answer(age.Age) is { } byAge
                    ? new Answer { Kind = AnswerKind.YesNo, YesNo = byAge, Evidence = Evidence(age.Words) }
                    : null;
            default:
                return null;
        }
    }

    // A warning sign told after the words, not a context ("na het sporten") or a contraindication ("ik ben zwanger").
    private bool SignAfter(Interpretation understood, ModelResult words)
    {
        foreach (var (entity, flag) in understood.All<RedFlagResolution>())
        {
            if (!flag.Negated && entity.Start > words.End && _signCodes.Contains(flag.Code))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The places of <paramref name="earlier"/> with those of <paramref name="told"/> after them; null when it adds none.</summary>
    private static Answer? MorePlaces(Answer earlier, Answer told)
    {
        // A place told after "nergens" is the complaint after all; "nergens" after a place adds nothing.
        if (earlier.Locations is [{ Code: NoComplaint }])
        {
            return told.Locations is [{ Code: NoComplaint }] ? null : told;
        }

        var added = told.Locations.Where(l => !earlier.Locations.Contains(l) && l.Code != NoComplaint).ToList();
        return added.Count == 0 ? null : earlier with { Locations = earlier.Locations.AddRange(added), Evidence = Evidence($"{earlier.Evidence}, {told.Evidence}") };
    }

    // "Mijn benen" or "ik ben zo gespannen": no place yet, but what to ask about where instead of "I didn't quite get that".
    private string? PlaceHint(string spaced, string culture) =>
        HasCue(spaced, LegsCues(culture)) ? LegsHint : HasCue(spaced, _tensionCues) ? "hint.body-location.tension" : null;

    /// <summary>The choice of <paramref name="question"/> that is the language <paramref name="text"/> is written in.</summary>
    private Answer? LanguageWrittenIn(DialogState question, string text, string culture)
    {
        var recognizer = _dialogs.Recognizer;
        var other = Cultures.Other(culture);
        var language = recognizer.Lexicons.Languages.Contains(other) && recognizer.IsRather(text, other, culture) ? other : culture;
        return question.Choices.Any(c => c.Code == language) ? new Answer { Kind = AnswerKind.Choice, Choice = language, Evidence = Evidence(text) } : null;
    }

    /// <summary>
    /// How long the complaint has lasted, of the durations a message names: with places in it, only those in a place's
    /// clause count ("mijn zoon is 8 maanden geleden geboren en mijn rug doet al 2 weken pijn" is 2 weeks); of those, a
    /// "sinds" first ("10 jaar geleden een hernia en nu weer rugpijn sinds een week"), else the first.
    /// </summary>
    private (ModelResult Entity, DurationResolution Resolution)? ComplaintDuration(Interpretation understood)
    {
        (ModelResult Entity, DurationResolution Resolution)? first = null, since = null;
        var count = 0;
        foreach (var _ in understood.All<DurationResolution>())
        {
            count++;
        }

        var breaks = count > 1 && understood.First<BodyLocationResolution>() is not null
            ? _dialogs.Recognizer.ClauseBreaks(understood.Text, understood.Culture)
            : null;
        IReadOnlyList<int>? signBreaks = null;
        (ModelResult Entity, DurationResolution Resolution)? any = null;
        foreach (var duration in understood.All<DurationResolution>())
        {
            // "Knee surgery 3 weeks ago", "chemo tot 3 maanden geleden": the time of that, not of the complaint.
            if (InASignsOwnWords(understood, duration.Entity))
            {
                continue;
            }

            // "I can't hold my urine since monday", "koorts sinds gisteren": how long the sign has been there.
            if (understood.First<RedFlagResolution>() is not null
                && OfASign(understood, signBreaks ??= _dialogs.Recognizer.ClauseBreaks(understood.Text, understood.Culture), duration.Entity))
            {
                continue;
            }

            // "Breast cancer survivor (all clear 4 yrs), now my shoulder", "zwanger van mn 2e, 30 wk nu": that sign's time.
            if (!duration.Resolution.Since && understood.First<RedFlagResolution>() is not null
                && OfTheSignBefore(understood, signBreaks ??= _dialogs.Recognizer.ClauseBreaks(understood.Text, understood.Culture), duration.Entity))
            {
                continue;
            }

            // "Sinds 2 dagen erger, begonnen 3 weken geleden": since when it got worse, beside how long.
            if (count > 1 && OfAWorsening(understood, signBreaks ??= _dialogs.Recognizer.ClauseBreaks(understood.Text, understood.Culture), duration.Entity))
            {
                continue;
            }

            any ??= duration;
            if (breaks is not null && !WithAPlace(understood, breaks, duration.Entity))
            {
                continue;
            }

            // "Al maanden, een maand of 5": the length told, not the vague one before it.
            if (first is { Resolution.Vague: true } && !duration.Resolution.Vague)
            {
                first = duration;
            }

            first ??= duration;
            if (duration.Resolution.Since)
            {
                since ??= duration;
            }
        }

        return since is { } start ? Corrected(understood, start) : first is { } told ? Corrected(understood, told) : any is { } only ? Corrected(understood, only) : null;
    }

    // "Sinds de operatie" to how long, when the operation was told with its time ("4 weken geleden een nieuwe heup
    // gekregen"): the complaint is as old as that. The timed word after a since-word (texts.yaml cues.since), and an answer
    // that noted it with a time.
    private Answer? SinceATimedMention(string text, TriageState state, DateOnly today)
    {
        var recognizer = _dialogs.Recognizer.RedFlags;
        foreach (var (code, start) in recognizer.TimedWords(text, state.Culture))
        {
            if (!AfterASince(text, start))
            {
                continue;
            }

            foreach (var question in Flow.States)
            {
                if (question.Signals.Contains(code) && state.Answers.TryGetValue(question.Id, out var told) && told.Evidence is { Length: > 0 } mention
                    && recognizer.TimeOfMention(mention, state.Culture, today) is { } time
                    && recognizer.TimedWords(mention, state.Culture).Any(w => string.Equals(w.Code, code, StringComparison.Ordinal)))
                {
                    return new Answer { Kind = AnswerKind.Duration, Seconds = time.Seconds, Approximate = time.Approximate, Evidence = Evidence(text) };
                }
            }
        }

        return null;
    }

    // Whether the duration is inside a sign's own words: the time a timed sign was read with (red-flags.yaml timed), or,
    // beside a place outside the sign, one a phrase holds ("onderrug, en mijn linkerkuit is sinds een paar dagen dik" is
    // the calf's time, not the back's). A sign the complaint starts with keeps its time too when that time denies it:
    // "enkel verzwikt vorig jaar, nu mijn rug" is no year of back pain.
    private bool InASignsOwnWords(Interpretation understood, ModelResult duration)
    {
        foreach (var (entity, flag) in understood.All<RedFlagResolution>())
        {
            if (entity.Start <= duration.Start && duration.End <= entity.End && !AfterASince(understood.Text, entity.Start)
                && (flag.Timed ? !flag.TimesComplaint || flag.Negated : !flag.TimesComplaint && APlaceOutside(understood, entity)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool APlaceOutside(Interpretation understood, ModelResult span)
    {
        foreach (var (place, _) in understood.All<BodyLocationResolution>())
        {
            if (place.End < span.Start || place.Start > span.End)
            {
                return true;
            }
        }

        return false;
    }

    // "Sinds mijn operatie 2 weken geleden", "pain after my surgery 3 weeks ago": the complaint began with it (texts.yaml
    // cues.since right before it).
    private bool AfterASince(string text, int start)
    {
        var before = $" {Normalize(text[..start])} ";
        foreach (var cue in _sinceCues)
        {
            if (before.EndsWith(cue, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // Whether a duration is told in the clause of an affirmed sign that names no place, and not as the start of the
    // complaint ("sinds mijn val 2 weken geleden"). With a place it may be the complaint's: "voor het eerst rugpijn,
    // sinds 2 weken".
    private bool OfASign(Interpretation understood, IReadOnlyList<int> breaks, ModelResult duration)
    {
        if (WithAPlace(understood, breaks, duration))
        {
            return false;
        }

        foreach (var (entity, flag) in understood.All<RedFlagResolution>())
        {
            if (!flag.Negated && !flag.TimesComplaint && InOneClause(breaks, entity, duration) && !AfterASince(understood.Text, entity.Start)
                && !InsideAnOnset(understood, entity))
            {
                return true;
            }
        }

        return false;
    }

    // Whether a duration stands in a clause of its own, with no place or sign, right after the clause of an affirmed state
    // or history whose time is its own (red-flags.yaml ownTime), in one sentence, and that clause names no place: the
    // nearest thing told before the time is that sign, so the time is the sign's. Unless a word of starting comes
    // between them: "28 weeks pregnant and it started 2 weeks ago" tells when the complaint began.
    private bool OfTheSignBefore(Interpretation understood, IReadOnlyList<int> breaks, ModelResult duration)
    {
        ModelResult? nearest = null;
        RedFlagResolution? sign = null;
        foreach (var (entity, flag) in understood.All<RedFlagResolution>())
        {
            if (InOneClause(breaks, entity, duration))
            {
                return false;
            }

            if (entity.End < duration.Start && (nearest is null || entity.Start > nearest.Start))
            {
                (nearest, sign) = (entity, flag);
            }
        }

        if (nearest is null || sign is not { OwnTime: true, Negated: false } || WithAPlace(understood, breaks, duration)
            || WithAPlace(understood, breaks, nearest) || EndsASentence(understood.Text, nearest.End + 1, duration.Start)
            || _dialogs.Recognizer.Durations.StartWordBetween(understood.Text, understood.Culture, nearest.End + 1, duration.End + 1))
        {
            return false;
        }

        foreach (var place in understood.All<BodyLocationResolution>())
        {
            if (place.Entity.Start > nearest.Start && place.Entity.Start < duration.Start)
            {
                return false;
            }
        }

        return true;
    }

    // Whether a full stop, question or exclamation mark ends a sentence between from and to: one followed by a space.
    private static bool EndsASentence(string text, int from, int to)
    {
        for (var i = from; i < to - 1 && i < text.Length - 1; i++)
        {
            if (text[i] is '.' or '!' or '?' && char.IsWhiteSpace(text[i + 1]))
            {
                return true;
            }
        }

        return false;
    }

    // Whether the message names a warning sign besides those the question takes: context (sport, a race) is none.
    private bool NamesAnotherSign(Interpretation understood, DialogState question)
    {
        foreach (var (_, flag) in understood.All<RedFlagResolution>())
        {
            if (!flag.Negated && !question.Signals.Contains(flag.Code) && !_contextCodes.Contains(flag.Code))
            {
                return true;
            }
        }

        return false;
    }

    // Whether a sign's words lie inside those of a sign the complaint starts with: the sport of "zaterdag halve marathon
    // gelopen", which is the race.
    private static bool InsideAnOnset(Interpretation understood, ModelResult entity)
    {
        foreach (var (onset, flag) in understood.All<RedFlagResolution>())
        {
            if (flag is { TimesComplaint: true, Negated: false } && !ReferenceEquals(onset, entity) && onset.Start <= entity.Start && entity.End <= onset.End)
            {
                return true;
            }
        }

        return false;
    }

    // Whether a place the message names is in the clause of entity: no clause break between the two.
    private static bool WithAPlace(Interpretation understood, IReadOnlyList<int> breaks, ModelResult entity)
    {
        foreach (var place in understood.All<BodyLocationResolution>())
        {
            if (InOneClause(breaks, place.Entity, entity))
            {
                return true;
            }
        }

        return false;
    }

    // Whether the clause of a length tells that the complaint got worse then (texts.yaml cues worse, not-worse).
    private bool OfAWorsening(Interpretation understood, IReadOnlyList<int> breaks, ModelResult entity)
    {
        var (from, before, to) = (0, 0, understood.Text.Length);
        foreach (var at in breaks)
        {
            if (at <= entity.Start)
            {
                (before, from) = (from, at);
            }
            else if (at > entity.End)
            {
                to = Math.Min(at, to);
            }
        }

        // A length that starts its clause at a since-word ("worse since yesterday") belongs with the words before it.
        if (string.IsNullOrWhiteSpace(understood.Text[from..entity.Start]))
        {
            from = before;
        }

        var clause = $" {Normalize(understood.Text[from..to])} ";
        return HasCue(clause, _worseCues) && !HasCue(clause, _notWorseCues);
    }

    // A break inside the first of the two ("plassen gaat eigenlijk wel wat moeilijker", whose "wel" is one) is part of
    // its phrase and parts nothing.
    private static bool InOneClause(IReadOnlyList<int> breaks, ModelResult one, ModelResult other)
    {
        var (first, second) = one.Start <= other.Start ? (one, other) : (other, one);
        return !breaks.Any(at => at > first.End && at < second.Start);
    }

    /// <summary>Whether <see cref="ReadExtra"/> can ever read an answer to the question from a message.</summary>
    private static bool CanAnswerInPassing(DialogState question) => question.Kind switch
    {
        AnswerKind.BodyLocation or AnswerKind.Duration or AnswerKind.Scale => true,
        AnswerKind.YesNo => question.HasSignal || question.YesForAge is not null,
        _ => false,
    };

    /// <summary>Red flags mentioned in passing that no question asks about are kept too: red flags always win.</summary>
    private ImmutableSortedDictionary<string, Answer> RecordUnaskedRedFlags(ImmutableSortedDictionary<string, Answer> answers, Interpretation understood, List<string> notes, string culture)
    {
        foreach (var (entity, flag) in understood.All<RedFlagResolution>())
        {
            if (flag.Negated || _answeredSignals.Contains(flag.Code))
            {
                continue;
            }

            var key = RedFlags.ExtraKey(flag.Code);
            if (!answers.ContainsKey(key))
            {
                answers = answers.SetItem(key, new Answer { Kind = AnswerKind.YesNo, YesNo = YesNo.Yes, Evidence = entity.Text });
                notes.Add(Texts.Get("noted.red-flag.yes", culture).Format(culture, entity.Text));
            }
        }

        return answers;
    }

    /// <summary>
    /// The choice a message names: the whole message is a choice's code, label (either language) or one of its other
    /// words; or the message contains those words of exactly one choice, where words found inside longer ones of
    /// another choice count as the longer ("niet veel" is a little, not "veel"). Two choices named is no answer.
    /// <paramref name="spaced"/> is the normalized message with a space on either side.
    /// </summary>
    private string? ReadChoice(DialogState question, string spaced)
    {
        var said = spaced.AsSpan(1, spaced.Length - 2);
        if (said.Length == 0 || !_choiceLabels.TryGetValue(question.Id, out var choices))
        {
            return null;
        }

        foreach (var choice in choices)
        {
            if (said.SequenceEqual(choice.Code))
            {
                return choice.Code;
            }

            if (IsOneOf(said, choice.Phrases) || IsOneOf(said, choice.Alone))
            {
                return choice.Code;
            }
        }

        List<(int Start, int End, string Code)>? found = null;
        foreach (var choice in choices)
        {
            foreach (var phrase in choice.Phrases)
            {
                for (var start = NextWordMatch(spaced, phrase, 0); start >= 0; start = NextWordMatch(spaced, phrase, start + 1))
                {
                    (found ??= []).Add((start, start + phrase.Length, choice.Code));
                }
            }
        }

        string? named = null;
        foreach (var match in found ?? [])
        {
            var insideLonger = false;
            foreach (var other in found!)
            {
                if (other.End - other.Start > match.End - match.Start && other.Start <= match.Start && match.End <= other.End)
                {
                    insideLonger = true;
                    break;
                }
            }

            if (insideLonger)
            {
                continue;
            }

            if (named is not null && named != match.Code)
            {
                return null;
            }

            named = match.Code;
        }

        return named;
    }

    /// <summary>A choice question answered yes or no (codes <c>yes</c> and <c>no</c>) understands every yes and no.</summary>
    private static string? ChoiceByYesNo(DialogState question, Interpretation understood)
    {
        if (understood.First<BooleanResolution>() is not { } boolean)
        {
            return null;
        }

        var code = boolean.Resolution.Value switch
        {
            YesNo.Yes => "yes",
            YesNo.No => "no",
            _ => "unknown",
        };
        foreach (var choice in question.Choices)
        {
            if (choice.Code == code)
            {
                return code;
            }
        }

        // "Nah" to how often in the past two weeks: not on a single day.
        return boolean.Resolution.Value == YesNo.No ? question.Choices.FirstOrDefault(c => c.FromDays == 0)?.Code : null;
    }

    // "Soms" is a yes and a choice's word at once: the choice's.
    private bool IsChoiceWord(DialogState question, string word)
    {
        var said = Normalize(word);
        return _choiceLabels.TryGetValue(question.Id, out var choices) && choices.Any(c => IsOneOf(said, c.Phrases) || IsOneOf(said, c.Alone));
    }

    // "3 dagen" to how often in the past two weeks: the choice whose days it reaches (flow.yaml days), not the score 3.
    private static string? ChoiceByDays(DialogState question, Interpretation understood)
    {
        if (!question.Choices.Any(c => c.FromDays is not null) || understood.First<DurationResolution>() is not { } told)
        {
            return null;
        }

        var days = told.Resolution.Seconds / (double)DurationResolution.SecondsPerDay;
        return days > 14 ? null : question.Choices.Where(c => c.FromDays <= days).MaxBy(c => c.FromDays)?.Code;
    }

    /// <summary>
    /// A choice picked by a number out of ten (flow.yaml <c>from-ten</c>): after the pain score, "8" to how much it
    /// bothers is a lot. Only for a question with such numbers; the others' choices a number picks by their points.
    /// </summary>
    private static string? ChoiceByTenths(DialogState question, Interpretation understood)
    {
        // Pain in words ("matig") is the choice's own word, read before this.
        double? number = understood.First<PainScoreResolution>() is { Resolution.InWords: false } pain ? pain.Resolution.Value : null;
        number ??= understood.First<NumberResolution>() is { } plain ? plain.Resolution.Value : null;
        return number is { } n && n >= 0 && n <= 10 ? question.Choices.Where(c => c.FromTen <= n).MaxBy(c => c.FromTen)?.Code : null;
    }

    /// <summary>A scored choice picked by its points: "2" on a PHQ-2 item.</summary>
    private static string? ChoiceByScore(DialogState question, Interpretation understood)
    {
        foreach (var (_, number) in understood.All<NumberResolution>())
        {
            if (ChoiceWithScore(question, number.Value) is { } code)
            {
                return code;
            }
        }

        foreach (var (_, pain) in understood.All<PainScoreResolution>())
        {
            if (ChoiceWithScore(question, pain.Value) is { } code)
            {
                return code;
            }
        }

        return null;
    }

    private static string? ChoiceWithScore(DialogState question, double number)
    {
        foreach (var choice in question.Choices)
        {
            if (choice.Score is { } points && points == number)
            {
                return choice.Code;
            }
        }

        return null;
    }

    /// <summary>
    /// The unit of a duration said without a number where the number matters: weeks or months ("al weken" may be under
    /// or over six weeks, "al maanden" under or over twelve). Days and years are on one side of both either way.
    /// </summary>
    private static long? NeedsCount(Interpretation understood)
    {
        if (understood.First<DurationResolution>()?.Resolution is not { Vague: true, Unit: DurationResolution.SecondsPerWeek or DurationResolution.SecondsPerMonth } vague)
        {
            return null;
        }

        // "Al maanden, een maand of 5" tells how many.
        foreach (var (_, duration) in understood.All<DurationResolution>())
        {
            if (!duration.Vague)
            {
                return null;
            }
        }

        return vague.Unit;
    }

    /// <summary>The first number in the message between <paramref name="min"/> and <paramref name="max"/>, each inclusive when given.</summary>
    private double? FirstNumber(Interpretation understood, double? min, double? max, bool notInATime = false)
    {
        foreach (var (entity, number) in understood.All<NumberResolution>())
        {
            // "It hurts 24/7": a number written with a slash is no count or score (a score out of ten is a pain score).
            if ((min is null || number.Value >= min) && (max is null || number.Value <= max) && !(notInATime && InATime(entity, understood))
                && !entity.Text.Contains('/', StringComparison.Ordinal))
            {
                return number.Value;
            }
        }

        return null;
    }

    // Scores written as a school grade, which elsewhere read as something else, so only the pain question reads them
    // so: "een 6/7" is a 6 or a 7, as "6-7" is (the upper one), not six days in clinical shorthand; "een zes min" is a
    // six with a minus, not six minutes.
    private static double? GradeLike(Interpretation understood)
    {
        foreach (var (entity, number) in understood.All<NumberResolution>())
        {
            if (entity.Text.Split('/') is [var lower, var upper]
                && int.TryParse(lower, NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var low)
                && int.TryParse(upper, NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var high)
                && low < high && high <= 10)
            {
                return high;
            }

            // The minus ends the clause: "5 min geleden" tells a time.
            var after = understood.Text.AsSpan(entity.End + 1).TrimStart();
            if (number.Value is >= 0 and <= 10 && number.Value == Math.Floor(number.Value)
                && after.StartsWith("min", StringComparison.OrdinalIgnoreCase) && after[3..].TrimStart('.').TrimEnd() is [] or [',' or '!', ..])
            {
                return number.Value;
            }
        }

        return null;
    }

    // Whether the number is the count of a duration ("8 weken") or of a time unit at all ("8 uur per dag").
    private bool InATime(ModelResult number, Interpretation understood)
    {
        foreach (var (entity, _) in understood.All<DurationResolution>())
        {
            if (entity.Start <= number.Start && number.End <= entity.End)
            {
                return true;
            }
        }

        return _dialogs.Recognizer.Durations.IsUnitAfter(understood.Text, number.End + 1, understood.Culture);
    }

    /// <summary>The command a whole message is, compared as typed (for words such as "?") and with punctuation ignored.</summary>
    private string? CommandIn(string text, string said)
    {
        var typed = text.ToLowerInvariant();
        var found = int.MaxValue;
        if (typed.Length > 0 && _commandWords.TryGetValue(typed, out var index))
        {
            found = index;
        }

        // The earlier command in Vocabulary.Commands wins when the typed and the normalized text name different ones.
        if (said.Length > 0 && _commandWords.TryGetValue(said, out index) && index < found)
        {
            found = index;
        }

        // Only a few words: a command said politely is short.
        if (found == int.MaxValue && said.Length is > 0 and <= MaxPoliteCommandLength && PoliteCommand(said) is { } polite)
        {
            found = polite;
        }

        // "Forget what I said, it's a 4" puts an answer right instead.
        if (found == int.MaxValue && said.Length is > 0 and <= MaxEraseRequestLength && AsksToErase(said) && !AnswerAfterClause(text))
        {
            return "erase";
        }

        // "Go back, I want to change my weight answer", "forget it, I'll just call the practice": back or stop, said in a
        // first clause of its own. A stop followed by a correction or a number is none: "laat maar, het is eigenlijk al 3
        // maanden" puts an answer right.
        if (found == int.MaxValue && text.IndexOf(',', StringComparison.Ordinal) is > 0 and <= MaxFirstClauseCommand and var comma
            && _commandWords.TryGetValue(Normalize(text[..comma]), out index)
            && (Vocabulary.Commands[index] == "back" || (Vocabulary.Commands[index] == "stop" && !AnswerAfterClause(text))))
        {
            return Vocabulary.Commands[index];
        }

        return found == int.MaxValue ? null : Vocabulary.Commands[found];
    }

    // "Go back, I meant my right shoulder": a first clause of going back whose rest corrects an answer with something
    // understood is that correction, not the way back.
    private bool CorrectsAfterTheCommand(Interpretation understood) =>
        understood.Text.IndexOf(',', StringComparison.Ordinal) is > 0 and var comma
        && Corrects($" {Normalize(understood.Text[comma..])} ")
        && understood.Entities.Any(e => e.Start > comma && e.Resolution is not BooleanResolution);

    // Whether what follows a message's first comma puts an answer right: it holds a number or a correction cue.
    private bool AnswerAfterClause(string text) =>
        text.IndexOf(',', StringComparison.Ordinal) is > 0 and var comma
        && (text.AsSpan(comma).ContainsAnyInRange('0', '9') || Corrects($" {Normalize(text[comma..])} "));

    // How long a first clause may be that is a command of its own: "ga terug naar de vorige vraag".
    private const int MaxFirstClauseCommand = 32;

    // A question about the employer, the price, whether it is serious, who reads the answers, what the bot is or booking:
    // the text that answers it (texts.yaml aside.*).
    // "Mijn baas mag hier niks van weten" is a worry about the employer too, though it asks nothing, and "ik wil liever met
    // een mens praten" is about what the bot is.
    private string? Aside(string text, string spaced) =>
        !text.Contains('?', StringComparison.Ordinal)
            ? (HasCue(spaced, _employerCues) && HasCue(spaced, _secretCues) ? "aside.employer" : HasCue(spaced, _robotCues) ? "aside.robot" : null)
        : HasCue(spaced, _employerCues) ? "aside.employer"
        : HasCue(spaced, _costCues) ? "aside.cost"
        : HasCue(spaced, _seriousCues) ? "aside.serious"
        : HasCue(spaced, _privacyCues) ? "aside.privacy"
        : HasCue(spaced, _robotCues) ? "aside.robot"
        : HasCue(spaced, _bookingCues) ? "aside.booking"
        : null;

    // Whether any of the cues' words stands in the normalized message, looked for without building the spaced text.
    private static bool Holds(string said, string[] cues)
    {
        foreach (var cue in cues)
        {
            if (said.AsSpan().Contains(cue.AsSpan(1, cue.Length - 2), StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // "Kunnen jullie mijn data verwijderen?", "i want my data deleted": a word to delete and one for what, in a short
    // message (texts.yaml cues erase-verbs and erase-objects). The erase step asks before anything goes. Most messages
    // hold no word to delete at all, and are let go without building the spaced text.
    private bool AsksToErase(string said)
    {
        if (!Holds(said, _eraseVerbs))
        {
            return false;
        }

        var spaced = $" {said} ";
        return HasCue(spaced, _eraseVerbs) && HasCue(spaced, _eraseObjects);
    }

    // The command a message is with polite words around it: "could you please delete my data now" is "delete my data".
    // Those in front go first, and what is left is looked up before those at the end go: "ok maar verder" is "maar
    // verder", though "verder" is a polite word too ("kunnen we verder in het Engels").
    private int? PoliteCommand(string said)
    {
        var words = said;
        for (var fromTheEnd = 0; fromTheEnd < 2; fromTheEnd++)
        {
            var changed = true;
            while (changed && words.Length > 0)
            {
                changed = false;
                foreach (var polite in _politeWords)
                {
                    if (fromTheEnd == 0 && words.Length > polite.Length && words[polite.Length] == ' ' && words.StartsWith(polite, StringComparison.Ordinal))
                    {
                        words = words[(polite.Length + 1)..];
                        changed = true;
                    }
                    else if (fromTheEnd == 1 && words.Length > polite.Length && words[^(polite.Length + 1)] == ' ' && words.EndsWith(polite, StringComparison.Ordinal))
                    {
                        words = words[..^(polite.Length + 1)];
                        changed = true;
                    }
                }
            }

            if (_commandWords.TryGetValue(words, out var index) && Vocabulary.PoliteCommands.Contains(Vocabulary.Commands[index]))
            {
                return index;
            }
        }

        return null;
    }

    private static readonly SearchValues<char> ClauseEnds = SearchValues.Create(",.;:!?");

    /// <summary>
    /// "Veel, kan niet voetballen": the choice a first clause names on its own, when the rest of the message names no
    /// other ("soms, maar ook vaak" names two, and is asked again).
    /// </summary>
    private string? ChoiceInFirstClause(DialogState question, string text)
    {
        var end = text.AsSpan().IndexOfAny(ClauseEnds);
        if (end <= 0 || Normalize(text[..end]) is not { Length: > 0 } first || Normalize(text[(end + 1)..]) is not { Length: > 0 } rest)
        {
            return null;
        }

        var leading = ReadChoice(question, $" {first} ");
        var other = leading is null ? null : ReadChoice(question, $" {rest} ");
        return other == leading || (other is null && !NamesAChoice(question, $" {rest} ")) ? leading : null;
    }

    // Whether the clause of an affirmed mention of the question's sign says it comes and goes ("mijn been slaapt soms
    // in bij lang zitten").
    private bool ComesAndGoes(DialogState question, Interpretation understood)
    {
        foreach (var code in question.Signals)
        {
            // The sentence part between punctuation, and the one after it: "af en toe tintelingen", whose "en" ends no
            // part here; "tintelingen, maar die gaan weer over".
            if (understood.RedFlag(code) is { Resolution.Negated: false } mention)
            {
                var text = understood.Text.AsSpan();
                var start = text[..mention.Entity.Start].LastIndexOfAny(ClauseEnds) + 1;
                var end = mention.Entity.End + 1;
                for (var part = 0; part < 2 && end < text.Length; part++)
                {
                    var from = part == 0 ? end : end + 1;
                    var next = from < text.Length ? text[from..].IndexOfAny(ClauseEnds) : -1;
                    end = next < 0 ? text.Length : from + next;
                }

                if (HasCue($" {Normalize(understood.Text[start..end])} ", _comesAndGoesCues))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // Whether a length or a score is said instead of another one told: "het is niet 3 weken maar 3 maanden" corrects,
    // with no word of correction.
    private bool SaysInstead<T>(Interpretation understood)
        where T : EntityResolution
    {
        ModelResult? told = null;
        foreach (var (entity, _) in understood.All<T>())
        {
            if (told is not null && SaidInstead(understood, told, entity))
            {
                return true;
            }

            told = entity;
        }

        return false;
    }

    // Whether the second is said instead of the first: "niet 3 weken maar 3 maanden", "not 7 but 4" (texts.yaml cues
    // instead-not right before the first, only instead-but between them).
    private bool SaidInstead(Interpretation understood, ModelResult first, ModelResult second) =>
        _insteadBut.Contains($" {Normalize(understood.Text[(first.End + 1)..second.Start])} ")
        && EndsWithCue($" {Normalize(understood.Text[..first.Start])} ", _insteadNot);

    // Whether a no stands between the two positions: "9, no 6", "left knee. No, right knee".
    private static bool NoBetween(Interpretation understood, int from, int to)
    {
        foreach (var (entity, boolean) in understood.All<BooleanResolution>())
        {
            if (boolean.Value == YesNo.No && entity.Start > from && entity.End < to)
            {
                return true;
            }
        }

        return false;
    }

    // Whether words between two places take the first back: a correction cue that adds nothing ("nee sorry", but not
    // "en eigenlijk ook", "sorry, and my neck" or "actually my shoulders too" in the clause that goes on after the
    // second place), and not in the first place's own clause ("overal eigenlijk, rug en nek" is everywhere).
    private bool TakesBack(string between, string after)
    {
        var spaced = $" {Normalize(between)} ";
        var end = after.AsSpan().IndexOfAny(ClauseEnds);
        if (HasCue(spaced, _additionCues) || HasCue(spaced, _joinedCues) || HasCue($" {Normalize(end < 0 ? after : after[..end])} ", _additionCues))
        {
            return false;
        }

        var first = between.AsSpan().IndexOfAny(ClauseEnds);
        return HasCue($" {Normalize(first < 0 ? between : between[(first + 1)..])} ", _correctionCues);
    }

    // The side named alone after the last place, after a correction cue or a no: "oh nee wacht, de rechter", "left knee,
    // no right". A side the rest adds ("en ook de rechter", "the right too") to the other one makes both.
    private BodySide? SideAfterTheLastPlace(Interpretation understood, int placeEnd, BodySide last)
    {
        if (placeEnd >= understood.Text.Length)
        {
            return null;
        }

        var spaced = $" {Normalize(understood.Text[placeEnd..])} ";
        if (HasCue(spaced, _additionCues) || StartsWithCue(spaced, _joinedCues))
        {
            var added = _dialogs.Recognizer.BodyLocations.FirstSide(spaced, understood.Culture);
            return last is BodySide.Left or BodySide.Right && added is BodySide.Left or BodySide.Right && added != last ? BodySide.Both : null;
        }

        var after = AfterLastCue(spaced, _correctionCues);
        if (after > 0)
        {
            return _dialogs.Recognizer.BodyLocations.FirstSide(spaced[after..], understood.Culture);
        }

        foreach (var (entity, boolean) in understood.All<BooleanResolution>())
        {
            if (boolean.Value == YesNo.No && entity.Start >= placeEnd)
            {
                return _dialogs.Recognizer.BodyLocations.FirstSide(understood.Text[Math.Min(understood.Text.Length, entity.End + 1)..], understood.Culture);
            }
        }

        return null;
    }

    // Whether a message (normalized and spaced) corrects something: a correction cue, but not a reminder of what was
    // told, whose "toch" corrects nothing ("ja, pijn in de borst, zei ik toch").
    private bool Corrects(string spaced) => HasCue(spaced, _correctionCues) && !HasCue(spaced, _reminderCues);

    // Where the text after the last of the cues begins in a spaced message; -1 without any.
    private static int AfterLastCue(string spaced, string[] cues)
    {
        var after = -1;
        foreach (var cue in cues)
        {
            var at = spaced.LastIndexOf(cue, StringComparison.Ordinal);
            if (at >= 0 && at + cue.Length > after)
            {
                after = at + cue.Length;
            }
        }

        return after;
    }

    // "A lot, no wait, a little": the choice named after the last correction cue.
    private string? ChoiceAfterCorrection(DialogState question, string spaced)
    {
        var after = AfterLastCue(spaced, _correctionCues);
        return after > 0 && after < spaced.Length ? ReadChoice(question, $" {spaced[after..].Trim()} ") : null;
    }

    // Whether the words of any choice are in the message: "soms heel veel" names two, and so is no answer, but names some.
    private bool NamesAChoice(DialogState question, string spaced) =>
        _choiceLabels.TryGetValue(question.Id, out var choices)
        && choices.Any(choice => choice.Phrases.Any(phrase => NextWordMatch(spaced, phrase, 0) >= 0));

    // The words of texts.yaml cues.{name}, each with a space on either side, as HasCue compares them.
    /// <summary>
    /// Whether the message asks what the words of the question asked mean, and every emergency it names is those words:
    /// "wat bedoel je met een drukkend gevoel op de borst?" to the question about chest pain is explained and asked
    /// again, not advised as 112. A question about why, an emergency after the question or one the question asked does
    /// not ask about, is an emergency.
    /// </summary>
    private bool AsksWhatTheQuestionMeans(TriageState state, Interpretation understood)
    {
        if (state.Outcome is not null || !Flow.TryGet(state.Step, out var current) || !current.HasSignal
            || _dialogs.Recognizer.Booleans.FindQuestionBack(understood.Text, state.Culture) is not { } clause
            || HasCue($" {Normalize(understood.Text[..Math.Min(clause, understood.Text.Length)])} ", _whyCues))
        {
            return false;
        }

        foreach (var entity in understood.Entities)
        {
            if (entity.Resolution is EmergencyResolution emergency
                && (emergency.Category != EmergencyCategory.Medical || entity.End >= clause
                    || !(current.Signals.Contains(emergency.Code) || NamesASignOf(current, entity, understood))))
            {
                return false;
            }
        }

        return true;
    }

    // Whether the message only asks about an emergency by its name: a question whose one emergency is medical, comes
    // right after a cue that asks what it is or whether this is it (texts.yaml cues emergency-question: "wat is een
    // beroerte?", "could this be a heart attack?") and has nothing after it but the words of emergency-question-end
    // ("kan dit een hartaanval zijn?"). Only at a question still to be answered. "Ik denk dat ik een hartaanval krijg"
    // and "could this be a heart attack? I have crushing chest pain" are emergencies.
    private bool AsksAboutAnEmergency(TriageState state, string text, Interpretation understood)
    {
        if (!text.Contains('?', StringComparison.Ordinal) || state.Outcome is not null || state.Confirming is not null
            || !Flow.TryGet(state.Step, out var current) || current.IsOutcome)
        {
            return false;
        }

        ModelResult? named = null;
        foreach (var entity in understood.Entities)
        {
            if (entity.Resolution is EmergencyResolution emergency)
            {
                if (named is not null || emergency.Category != EmergencyCategory.Medical || !EndsWithCue($" {Normalize(text[..entity.Start])} ", _emergencyQuestionCues))
                {
                    return false;
                }

                named = entity;
            }
        }

        return named is not null && Normalize(text[(named.End + 1)..]) is var rest && (rest.Length == 0 || _emergencyQuestionEnds.Contains($" {rest} "));
    }

    private static bool EndsWithCue(string spaced, string[] cues)
    {
        foreach (var cue in cues)
        {
            if (spaced.EndsWith(cue, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // Every mention of a sign in the message that is not denied, each once: "enorm opgezwollen, plas is bruin".
    private static string MentionsOf(Interpretation understood, string code)
    {
        var words = new List<string>();
        foreach (var (entity, flag) in understood.All<RedFlagResolution>())
        {
            if (!flag.Negated && string.Equals(flag.Code, code, StringComparison.Ordinal) && Quoted(entity.Text) is var quoted && !words.Contains(quoted))
            {
                words.Add(quoted);
            }
        }

        return string.Join(", ", words);
    }

    // Whether a sign the question asks about is named within the entity's words.
    private static bool NamesASignOf(DialogState question, ModelResult entity, Interpretation understood)
    {
        foreach (var (flag, resolution) in understood.All<RedFlagResolution>())
        {
            if (flag.Start >= entity.Start && flag.End <= entity.End && question.Signals.Contains(resolution.Code))
            {
                return true;
            }
        }

        return false;
    }

    // The side the legs were named with: "left leg", "lower back and left leg", where no place took the side, or a leg
    // word with a side in it ("onderrug en linkerbeen").
    private BodySide LegsSideOf(Interpretation understood, Answer? places)
    {
        if (places is not null && places.Locations.Any(l => l.Side != BodySide.Unspecified))
        {
            return BodySide.Unspecified;
        }

        if (_dialogs.Recognizer.BodyLocations.FirstSide(understood.Text, understood.Culture) is { } side)
        {
            return side;
        }

        var spaced = $" {Normalize(understood.Text)} ";
        foreach (var cue in LegsCues(understood.Culture))
        {
            if (spaced.Contains(cue, StringComparison.Ordinal))
            {
                foreach (var (prefix, prefixSide) in _dialogs.Recognizer.Lexicons.Get(understood.Culture).SidePrefixes)
                {
                    if (cue.AsSpan(1).StartsWith(prefix, StringComparison.Ordinal))
                    {
                        return prefixSide;
                    }
                }
            }
        }

        return BodySide.Unspecified;
    }

    // While where in the legs is asked again ("3 maanden" to it), the side named with the legs stays; a new side said
    // with them is taken.
    private BodySide LegsSideStill(TriageState state, Interpretation understood, bool legsAsked) =>
        !legsAsked ? BodySide.Unspecified
            : LegsSideOf(understood, null) is var side && side != BodySide.Unspecified ? side
            : state.LegsAsked ? state.LegsSide : BodySide.Unspecified;

    private bool IsInTheLeg(string code) => _legCodes.Contains(code);

    private string[] LegsCues(string culture) => _legsCues.TryGetValue(culture, out var cues) ? cues : [];

    /// <summary>
    /// Whether the message names the legs outside the places and signs it names: the "been" of "rug en been", not of
    /// "mijn hele been" or "mijn been is slap". A place that is itself a word for the legs counts: "ischias" is noted as
    /// the lower back, and runs into a leg. Beside a place in a leg (codes.yaml <c>inTheLeg</c>) the leg is that place's
    /// limb ("kuitpijn linkerbeen"), unless a joining word makes it a place of its own ("knie en been").
    /// </summary>
    private bool NamesLegsBesideThePlaces(Interpretation understood)
    {
        var cues = LegsCues(understood.Culture);
        var rest = understood.Text.ToCharArray();
        var inTheLeg = _dialogs.Recognizer.Lexicons.InTheLeg;
        var legPlaces = false;
        foreach (var entity in understood.Entities)
        {
            if (entity.Resolution is BodyLocationResolution or RedFlagResolution
                && !(entity.Resolution is BodyLocationResolution && Array.IndexOf(cues, $" {Normalize(entity.Text)} ") >= 0))
            {
                // A place in a leg is kept as a mark, to see how a leg word stands to it.
                var legPlace = entity.Resolution is BodyLocationResolution place && inTheLeg.Contains(place.Code);
                legPlaces |= legPlace;
                rest.AsSpan(entity.Start, Math.Min(entity.End + 1, rest.Length) - entity.Start).Fill(legPlace ? LegPlaceMark : ' ');
            }
        }

        var spaced = $" {Normalize(new string(rest))} ";
        if (!legPlaces)
        {
            return HasCue(spaced, cues);
        }

        // "Kuitpijn linkerbeen", "calf pain left leg": the leg is that place's limb. Joined to it as a place of its own,
        // it is more than that place: "knie en been".
        foreach (var cue in cues)
        {
            for (var at = spaced.IndexOf(cue, StringComparison.Ordinal); at >= 0; at = spaced.IndexOf(cue, at + 1, StringComparison.Ordinal))
            {
                var before = spaced.LastIndexOf(LegPlaceMark, at);
                var after = spaced.IndexOf(LegPlaceMark, at + cue.Length - 1);
                if ((before >= 0 && HasCue(spaced[before..(at + 1)], _joinedCues)) || (after >= 0 && HasCue(spaced[(at + cue.Length - 1)..(after + 1)], _joinedCues)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private string[] Cues(string name) => [.. Texts.Commands[name].Select(word => $" {word} ")];

    /// <summary>Whether the spaced message begins with one of the cues (likewise spaced): "en ook de rechter".</summary>
    private static bool StartsWithCue(string spaced, string[] cues)
    {
        foreach (var cue in cues)
        {
            if (spaced.StartsWith(cue, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the message (normalized, with a space on either side) contains one of the cues (likewise spaced).</summary>
    private static bool HasCue(string spaced, string[] cues)
    {
        foreach (var cue in cues)
        {
            if (spaced.Contains(cue, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Lower case, punctuation as spaces, single spaces, an answer emoji (👍) as a word of its own: how commands and
    /// choices are compared.
    /// </summary>
    internal static string Normalize(string text)
    {
        var length = Math.Min(text.Length, 2_000);
        // An emoji of two chars may gain a space on either side.
        var buffer = length <= 256 ? stackalloc char[2 * length] : new char[2 * length];
        var written = 0;
        var space = true;
        for (var i = 0; i < length; i++)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c) || c == '\'')
            {
                buffer[written++] = char.ToLowerInvariant(c);
                space = false;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < length && char.IsLowSurrogate(text[i + 1]) && Understanding.Text.TextNormalizer.IsAnswerEmoji(char.ConvertToUtf32(c, text[i + 1])))
            {
                if (!space)
                {
                    buffer[written++] = ' ';
                }

                buffer[written++] = c;
                buffer[written++] = text[++i];
                buffer[written++] = ' ';
                space = true;
            }
            else if (!space)
            {
                buffer[written++] = ' ';
                space = true;
            }
        }

        // Only letters, digits, apostrophes, answer emoji and single spaces are written, and never a leading space.
        return new string(buffer[..written].TrimEnd(' '));
    }

    /// <summary>
    /// The first index from <paramref name="from"/> where the spaced message holds the normalized phrase as whole words,
    /// or -1.
    /// </summary>
    private static int NextWordMatch(string spaced, string phrase, int from)
    {
        if (phrase.Length == 0)
        {
            return -1;
        }

        for (var i = spaced.IndexOf(phrase, from, StringComparison.Ordinal); i >= 0; i = spaced.IndexOf(phrase, i + 1, StringComparison.Ordinal))
        {
            if (spaced[i - 1] == ' ' && i + phrase.Length < spaced.Length && spaced[i + phrase.Length] == ' ')
            {
                return i;
            }
        }

        return -1;
    }

    // A mention's words as quoted: never cut inside brackets. "Borstkanker (operatie" is "borstkanker", "bestraling)" is
    // "bestraling".
    private static string Quoted(string words)
    {
        var open = words.LastIndexOf('(');
        if (open > 0 && words.IndexOf(')', open) < 0)
        {
            return words[..open].TrimEnd(' ', ',', '-');
        }

        return open < 0 && words.EndsWith(')') ? words.TrimEnd(')') : words;
    }

    private static string Evidence(string text) => text.Length <= MaxEvidenceLength ? text : text[..MaxEvidenceLength];

    private Reply Ask(TriageState state, string stepId)
    {
        var question = Flow[stepId];
        var text = question.Question.Get(state.Culture);
        if (state.PartlyDenied?.GetValueOrDefault(stepId) is { } told)
        {
            // "Je zei al: geen koorts. Deze vraag gaat over meer: ..."
            text = $"{Texts.Get("ask.partly-denied", state.Culture).Format(state.Culture, told)} {text}";
        }

        return question.Kind switch
        {
            AnswerKind.YesNo => new Reply(text) { Choices = (Cultures.IsEnglish(state.Culture) ? _choicesEn : _choicesNl).GetValueOrDefault(stepId) ?? YesNoChoices(state.Culture) },
            AnswerKind.Choice => new Reply(text) { Choices = (Cultures.IsEnglish(state.Culture) ? _choicesEn : _choicesNl).GetValueOrDefault(stepId) ?? [] },
            _ => new Reply(text),
        };
    }

    /// <summary>The labelled buttons of a question in one language; replies share these lists, which never change.</summary>
    private ImmutableList<Choice> ChoicesOf(DialogState question, string culture) => question.Kind == AnswerKind.YesNo
        ? [.. YesNoChoices(culture).Select(c => question.Buttons.TryGetValue(c.Code, out var own) ? c with { Label = own.Get(culture) } : c)]
        : [.. question.Choices.Select(c => new Choice(c.Code, c.Label.Get(culture)))];

    private Reply HowLongRoughly(string culture) => new(Texts.Get("duration.how-long", culture)) { Choices = RoughLengths(culture) };

    private ImmutableList<Choice> RoughLengths(string culture) => Cultures.IsEnglish(culture) ? _roughLengthsEn : _roughLengthsNl;

    // The rough lengths offered after "weet ik niet" to how long; each label reads as a duration.
    private ImmutableList<Choice> BuildRoughLengths(string culture) =>
        [.. Vocabulary.RoughLengthTexts.Select(key => new Choice(key[(key.LastIndexOf('.') + 1)..], Texts.Get(key, culture)))];

    private ImmutableList<Choice> YesNoChoices(string culture) => Cultures.IsEnglish(culture) ? _yesNoEn : _yesNoNl;

    private ImmutableList<Choice> BuildYesNoChoices(string culture) =>
    [
        new(Trigger.Yes, Texts.Get("answer.yes", culture)),
        new(Trigger.No, Texts.Get("answer.no", culture)),
        new(Trigger.Unknown, Texts.Get("answer.unknown", culture)),
    ];

    private Reply Say(TriageState state, string key) => new(Texts.Get(key, state.Culture));

    private string Hint(DialogState question, string culture)
    {
        if (question.Hint is { } own)
        {
            return own.Get(culture);
        }

        var key = "hint." + Vocabulary.AnswerKinds.First(k => k.Value == question.Kind).Key;
        var hint = Texts.Get(key, culture);
        return question.Kind == AnswerKind.Choice ? hint.Format(culture, ChoiceLabels(question, culture)) : hint;
    }

    private string Explain(DialogState question, string culture)
    {
        var meaning = question.Explain?.Get(culture);
        return question.Why is { } why ? (meaning is null ? why.Get(culture) : $"{why.Get(culture)} {meaning}")
            : meaning ?? question.Hint?.Get(culture)
                ?? (question.Kind == AnswerKind.Choice ? Texts.Get("explain.choice", culture).Format(culture, ChoiceLabels(question, culture)) : Texts.Get("explain", culture));
    }

    // "Waarom wil je dat weten?": the question's own why; a question that only has a hint of its own (the consent
    // question's says what keeping the answers means) says that; else why questions about such a thing are asked.
    private string Why(DialogState question, string culture) =>
        question.Why?.Get(culture)
            ?? (question.Explain is null ? question.Hint?.Get(culture) : null)
            ?? Texts.Get(question.Contraindication is not null || question.Signals.Any(_contraindicationCodes.Contains) ? "why.contraindication"
                : question.RedFlag is not null || question.Signals.Any(code => !_contextCodes.Contains(code)) ? "why.red-flag"
                : "why.other", culture);

    private static string ChoiceLabels(DialogState question, string culture) => string.Join(", ", question.Choices.Select(c => c.Label.Get(culture)));

    // A mention read with its time or negation ("vorig jaar geopereerd", "nooit geopereerd") is noted as it was said:
    // "geen" in front would turn it around. So is one denied by a word before it ("niet afgevallen", "no fever"), where
    // "geen" in front might not read ("geen afgevallen").
    private string Describe(DialogState question, Answer answer, Interpretation understood, string culture) =>
        question.HasSignal && (TimedMention(question, answer, understood) ?? DeniedMention(question, answer, understood)) is { } words
            ? Texts.Get("noted.red-flag.yes", culture).Format(culture, words)
            : Describe(question, answer, culture);

    /// <summary>The words from the negation cue to the end of the denied mention that <paramref name="answer"/>, a no, was read from, if it was.</summary>
    private static string? DeniedMention(DialogState question, Answer answer, Interpretation understood)
    {
        if (answer.YesNo != YesNo.No)
        {
            return null;
        }

        foreach (var code in question.Signals)
        {
            if (understood.RedFlag(code) is { Resolution: { Negated: true, CueStart: { } cue } } found && cue < found.Entity.Start
                && string.Equals(Quoted(found.Entity.Text), answer.Evidence, StringComparison.Ordinal))
            {
                // Told at the start of a sentence, the cue keeps no capital in the middle of the note.
                var words = Quoted(understood.Text[cue..(found.Entity.End + 1)]);
                return char.IsUpper(words[0]) && words.Length > 1 && char.IsLower(words[1])
                    ? string.Concat(char.ToLowerInvariant(words[0]).ToString(), words.AsSpan(1))
                    : words;
            }
        }

        return null;
    }

    /// <summary>The words of the timed mention (<see cref="RedFlagResolution.Timed"/>) that <paramref name="answer"/> was read from, if it was.</summary>
    private static string? TimedMention(DialogState question, Answer answer, Interpretation understood)
    {
        foreach (var code in question.Signals)
        {
            if (understood.RedFlag(code) is { Resolution.Timed: true } found && string.Equals(Quoted(found.Entity.Text), answer.Evidence, StringComparison.Ordinal))
            {
                return answer.Evidence;
            }
        }

        return null;
    }

    private string Describe(DialogState question, Answer answer, string culture) => question.Kind switch
    {
        AnswerKind.Duration when answer.Seconds is { } seconds => DurationText.Format(seconds, answer.Approximate, culture, Texts),
        AnswerKind.Scale when answer.Number is { } score => answer.Approximate
            ? Texts.Get("noted.pain.words", culture).Format(culture, answer.Evidence.Trim(' ', '.', '!', ','), score)
            : string.Create(Cultures.Format(culture), $"{score}/10"),
        // A question a mention answers is noted by the words ("botontkalking", "geen koorts"), not as a bare yes. A yes
        // keeps them whole: "geen gevoel" in my leg is the numbness itself, not its absence.
        AnswerKind.YesNo when question.HasSignal => answer.YesNo == YesNo.Yes
            ? Texts.Get("noted.red-flag.yes", culture).Format(culture, answer.Evidence)
            : Texts.Get(answer.YesNo == YesNo.No ? "noted.red-flag.no" : "noted.red-flag.unknown", culture).Format(culture, RedFlagWords(answer)),
        AnswerKind.YesNo when question.YesForAge is not null && (_dialogs.Recognizer.Numbers.RecognizeAge(answer.Evidence, culture)
            ?? _dialogs.Recognizer.Numbers.RecognizeAge(answer.Evidence, culture, worded: true)
            ?? _dialogs.Recognizer.Numbers.RecognizeAge(answer.Evidence, culture, worded: true, onBehalf: true)) is { } age => AgeText(age, culture),
        AnswerKind.YesNo => PlainYesNo(question, answer, culture),
        AnswerKind.Choice => question.Choices.FirstOrDefault(c => c.Code == answer.Choice)?.Label.Get(culture) ?? answer.Evidence,
        // The places as understood, by name ("mijn rug" is noted as "onderrug"), so a wrong guess can be corrected.
        AnswerKind.BodyLocation when answer.Locations.Count > 0 => string.Join(", ", answer.Locations.Select(l => Texts.Location(l, culture))),
        _ => answer.Evidence,
    };

    // Whether the message tells of a sign that has passed (emergencies.yaml pastFlags: chest pain last week, a faint
    // yesterday).
    private bool TellsOfAPassedSign(Interpretation understood)
    {
        var passed = _dialogs.Recognizer.Lexicons.Get(understood.Culture).PastFlags;
        foreach (var (_, flag) in understood.All<RedFlagResolution>())
        {
            if (!flag.Negated && passed.ContainsValue(flag.Code))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether every yes in the message is a softened one ("een beetje", "soms"): to the emergency screen, which asks
    /// about now, that is a doubt, and the signs are asked one by one.
    /// </summary>
    private static bool OnlyHedged(Interpretation understood)
    {
        var hedged = false;
        foreach (var (_, boolean) in understood.All<BooleanResolution>())
        {
            if (boolean.Value == YesNo.Yes)
            {
                if (!boolean.Hedged)
                {
                    return false;
                }

                hedged = true;
            }
        }

        return hedged;
    }

    /// <summary>
    /// The first yes or no of the message that is not the negation cue of a red flag: in "nooit kanker gehad" or "no
    /// fever" the word belongs to the flag (which answers the flag's own question), and is no answer to another. Nor is
    /// one inside the question's <paramref name="neither"/> words ("graag" or "ja hoi" to the emergency screen).
    /// A later one that differs takes its place when a correction cue follows the first: "nee, oh wacht, toch wel", "no
    /// wait yes", "yes? i mean no", "ja, oh nee toch niet". A yes taken back that way is no answer at all to a question
    /// about a sign (<paramref name="careful"/>): "ja, maar eigenlijk niet zo erg" may still be a yes, and the question
    /// asks again; so is a no followed by any yes there ("nee, ja soms", "nee joh, soms wel"), never taken as no.
    /// </summary>
    private YesNo? YesOrNo(Interpretation understood, IReadOnlyList<(int Start, int End)> neither, bool careful = false)
    {
        YesNo? first = null;
        YesNo? reminding = null;
        var firstStart = 0;
        var firstEnd = 0;
        foreach (var (entity, boolean) in understood.All<BooleanResolution>())
        {
            if (IsCueOfAFlag(entity, understood) || neither.Any(n => n.Start <= entity.Start && entity.End <= n.End))
            {
                continue;
            }

            // "Nee, zei ik al", "no, I already said": the words that remind are a yes only alone. They are all of more
            // than one word, so a one-word answer is not looked at.
            if (entity.Text.Contains(' ', StringComparison.Ordinal) && HasCue($" {Normalize(entity.Text)} ", _reminderCues))
            {
                reminding ??= boolean.Value;
                continue;
            }

            if (first is null)
            {
                first = boolean.Value;
                firstStart = entity.Start;
                firstEnd = entity.End + 1;
            }
            else if (boolean.Value != first && entity.Start >= firstEnd)
            {
                if (HasCue($" {Normalize(understood.Text[firstStart..])} ", _correctionCues))
                {
                    return careful && first == YesNo.Yes ? null : boolean.Value;
                }

                // "Nee, ja soms", "nee, jawel": a yes after the no to a question about a sign leaves it open.
                if (careful && first == YesNo.No && boolean.Value == YesNo.Yes)
                {
                    return null;
                }
            }
        }

        return first ?? reminding;
    }

    private static bool OnlyYesOrNo(Interpretation understood)
    {
        for (var i = 0; i < understood.Entities.Count; i++)
        {
            if (understood.Entities[i].Resolution is not BooleanResolution)
            {
                return false;
            }
        }

        return true;
    }

    // The question whose answer the message took back, asked once more; the history goes back to it, so that what
    // follows it is asked after it again.
    private TurnResult AskAgain(TriageState state, string question)
    {
        var index = state.History.LastIndexOf(question);
        var history = index >= 0 ? state.History.RemoveRange(index + 1, state.History.Count - index - 1) : state.History.Add(question);
        var again = state with { Step = question, History = history, Answers = state.Answers.Remove(question), AskedAgain = question };
        return new TurnResult(again, [Say(state, "reask.previous"), Ask(again, question)]);
    }

    /// <summary>
    /// The yes-no question answered just before this one, when the message takes its answer back: the answer it gave, then
    /// a correction cue and the other answer ("nee wacht, toch wel" after a no, "yes, no wait, no" after a yes), or a yes
    /// or no with words for the question before ("bij de vorige vraag bedoelde ik ja"); and nothing else told. Null
    /// otherwise.
    /// </summary>
    private string? TakesBackTheAnswerBefore(TriageState state, string spaced, bool correcting, Interpretation understood)
    {
        // Asked once more for these words already, the question is not asked again: they are then about this one.
        if (state.LastAnswered is not { } last || last == state.Step || last == state.AskedAgain || !Flow.TryGet(last, out var before)
            || before.Kind != AnswerKind.YesNo || !state.Answers.TryGetValue(before.Id, out var given) || given.YesNo is not (YesNo.Yes or YesNo.No)
            || !OnlyYesOrNo(understood))
        {
            return null;
        }

        ModelResult? first = null;
        foreach (var (entity, boolean) in understood.All<BooleanResolution>())
        {
            if (IsCueOfAFlag(entity, understood))
            {
                continue;
            }

            if (first is null)
            {
                if (HasCue(spaced, _previousCues))
                {
                    return before.Id;
                }

                if (!correcting || boolean.Value != given.YesNo)
                {
                    return null;
                }

                first = entity;
            }
            else if (boolean.Value is YesNo.Yes or YesNo.No && boolean.Value != given.YesNo
                && HasCue($" {Normalize(understood.Text[first.Start..entity.Start])} ", _correctionCues))
            {
                return before.Id;
            }
        }

        return null;
    }

    /// <summary>
    /// The answer that words of this question alone give (yes-no.yaml <c>questions</c>): a yes among them wins, as a red
    /// flag's mention does over a no beside it ("'s ochtends en 's nachts"). Words inside another flag's are about that
    /// flag: "'s nachts zweten" tells of fever, not of pain at night.
    /// </summary>
    private YesNo? AnswerToThisQuestion(DialogState question, Interpretation understood)
    {
        YesNo? said = null;
        foreach (var words in _dialogs.Recognizer.Booleans.RecognizeAnswerTo(question.Id, understood.Text, understood.Culture))
        {
            if (InsideAFlag(words, understood))
            {
                continue;
            }

            var value = ((BooleanResolution)words.Resolution).Value;
            if (value == YesNo.Yes)
            {
                return value;
            }

            said = value;
        }

        return said;
    }

    /// <summary>
    /// Whether a yes to <paramref name="question"/> may be about another sign the message names rather than this
    /// question's: a question about a sign that is not a screen, no words of the message for its sign or for this
    /// question alone, and no "en"/"and" right after the yes ("ja, en ik ben afgevallen" says yes to both).
    /// </summary>
    private bool YesAboutAnotherSign(DialogState question, Interpretation understood)
    {
        if (question.Kind != AnswerKind.YesNo || !question.HasSignal || _screens.Contains(question.Id)
            || ReadExtra(question, understood) is not null || AnswerToThisQuestion(question, understood) is not null)
        {
            return false;
        }

        foreach (var (entity, boolean) in understood.All<BooleanResolution>())
        {
            if (boolean.Value == YesNo.Yes && !IsCueOfAFlag(entity, understood))
            {
                var after = $" {Normalize(understood.Text[(entity.End + 1)..])} ";
                return !StartsWithCue(after, _joinedCues);
            }
        }

        return true;
    }

    // "38,5" as the whole answer to the fever question: a body temperature, fever from the lexicon's threshold up. In a
    // longer answer ("nee, maar gisteren wel 38,5 gehad") one with its tenths, which no age or count has, is a fever
    // whatever yes or no stands beside it; one below the threshold there leaves the answer to the other words ("ja,
    // 37,2 maar wel koude rillingen").
    private YesNo? TemperatureAnswer(DialogState question, Interpretation understood)
    {
        if (_dialogs.Recognizer.Lexicons.Get(understood.Culture).Temperature is not { } reading || !question.Signals.Contains(reading.Code))
        {
            return null;
        }

        if (understood.Entities is [{ Resolution: NumberResolution { Value: >= TemperatureReading.Lowest and <= TemperatureReading.Highest } number }])
        {
            return number.Value >= reading.Fever ? YesNo.Yes : YesNo.No;
        }

        return understood.Entities.Count(e => e.Resolution is NumberResolution) == 1
            && understood.First<NumberResolution>() is { Resolution.Value: >= TemperatureReading.Lowest and <= TemperatureReading.Highest } told
            && told.Resolution.Value % 1 != 0 && told.Resolution.Value >= reading.Fever
            ? YesNo.Yes
            : null;
    }

    // Whether the message says no to a screen beside the signs it names: its own words for "not now" apart from them, or
    // a plain no.
    private bool SaysNoToTheScreen(DialogState question, Interpretation understood) =>
        NotNowApart(question, understood) || YesOrNo(understood, []) == YesNo.No;

    // Whether a screen's own words for "not now" stand in a clause apart from every sign the message names.
    private bool NotNowApart(DialogState question, Interpretation understood)
    {
        ModelResult? notNow = null;
        foreach (var words in _dialogs.Recognizer.Booleans.RecognizeAnswerTo(question.Id, understood.Text, understood.Culture))
        {
            if (((BooleanResolution)words.Resolution).Value == YesNo.No && !InsideAFlag(words, understood))
            {
                notNow = words;
                break;
            }
        }

        if (notNow is null)
        {
            return false;
        }

        var breaks = _dialogs.Recognizer.ClauseBreaks(understood.Text, understood.Culture);
        foreach (var (entity, flag) in understood.All<RedFlagResolution>())
        {
            if (flag.Negated || !question.Signals.Contains(flag.Code))
            {
                continue;
            }

            var (from, to) = entity.Start > notNow.End ? (notNow.End, entity.Start) : (entity.End, notNow.Start);
            if (!breaks.Any(b => b > from && b <= to))
            {
                return false;
            }
        }

        return true;
    }

    private YesNo? AgeAnswer(DialogState question, Interpretation understood) =>
        question.YesForAge is { } ages && AgeSaid(understood) is { } said
            ? ages.Answer(said)
            : null;

    // The age a message says as its whole answer, after a reminder that it was told ("I told you, I am 72") too.
    private AgeSpan? AgeSaid(Interpretation understood)
    {
        if (_dialogs.Recognizer.Numbers.RecognizeAge(understood.Text, understood.Culture, onBehalf: understood.OnBehalf) is { } said)
        {
            return said;
        }

        var spaced = $" {Normalize(understood.Text)} ";
        return AfterLastCue(spaced, _reminderCues) is > 0 and var after
            ? _dialogs.Recognizer.Numbers.RecognizeAge(spaced[after..], understood.Culture, onBehalf: understood.OnBehalf)
            : null;
    }

    // "In my fifties" to whether one is older than 50: an age understood, whose years lie on both sides of the line.
    private bool AgeAcrossTheLine(DialogState question, Interpretation understood) =>
        question.YesForAge is { } ages && AgeSaid(understood) is { } said && ages.Answer(said) is null;

    // Whether the words lie inside a red flag's phrase (only a denied one, with deniedOnly).
    private static bool InsideAFlag(ModelResult words, Interpretation understood, bool deniedOnly = false)
    {
        foreach (var (entity, flag) in understood.All<RedFlagResolution>())
        {
            if ((flag.Negated || !deniedOnly) && entity.Start <= words.Start && words.End <= entity.End)
            {
                return true;
            }
        }

        return false;
    }

    // Whether every yes of the message is a "wel" right before a sign another question asks about, with at most a few
    // words between and no comma: "toch wel een beetje koorts", not "ja, koorts" or "wel, en koorts".
    private bool YesGoesWithTheSignAfterIt(DialogState question, Interpretation understood)
    {
        if (question.Kind != AnswerKind.YesNo || _screens.Contains(question.Id) || (question.HasSignal && ReadExtra(question, understood) is not null))
        {
            return false;
        }

        var any = false;
        foreach (var (word, boolean) in understood.All<BooleanResolution>())
        {
            if (boolean.Value != YesNo.Yes)
            {
                continue;
            }

            if (!$" {Normalize(word.Text)}".EndsWith(" wel", StringComparison.Ordinal) || !SignRightAfter(question, word, understood))
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    private static bool SignRightAfter(DialogState question, ModelResult word, Interpretation understood)
    {
        foreach (var (sign, flag) in understood.All<RedFlagResolution>())
        {
            var start = flag.CueStart ?? sign.Start;
            if (start > word.End && !flag.Negated && !question.Signals.Contains(flag.Code))
            {
                var between = understood.Text[(word.End + 1)..start];
                return between.IndexOfAny([',', '.', ';', '!', '?']) < 0 && between.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 3;
            }
        }

        return false;
    }

    private static bool IsCueOfAFlag(ModelResult word, Interpretation understood)
    {
        foreach (var (_, flag) in understood.All<RedFlagResolution>())
        {
            if (flag.CueStart == word.Start)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An age as the person said it: "55 jaar", "ouder dan 50", "tussen 20 en 50".</summary>
    private string AgeText(AgeSpan age, string culture) =>
        age.Youngest == age.Oldest ? Texts.Get("age.years", culture).Format(culture, age.Youngest)
        : age.Oldest == AgeSpan.MaxAge ? Texts.Get("age.over", culture).Format(culture, age.Youngest - 1)
        : age.Youngest == AgeSpan.MinAge ? Texts.Get("age.under", culture).Format(culture, age.Oldest + 1)
        : Texts.Get("age.between", culture).Format(culture, age.Youngest, age.Oldest);

    // A plain yes or no as noted; a question may name it in its own words (texts.yaml answer.no.emergency-screen: "geen
    // spoed"), where a bare "nee" beside the other things noted would say nothing.
    private string PlainYesNo(DialogState question, Answer answer, string culture)
    {
        var key = Vocabulary.PlainAnswerKeys[answer.YesNo switch { YesNo.Yes => 0, YesNo.No => 1, _ => 2 }];
        return Texts.GetOr($"{key}.{question.Id}", culture, Texts.Get(key, culture));
    }

    /// <summary>The words the person used for the flag, without a leading negation that the template adds back.</summary>
    private string RedFlagWords(Answer answer)
    {
        var words = answer.Evidence;
        foreach (var culture in new[] { Cultures.Dutch, Cultures.English })
        {
            var prefix = Texts.Get("noted.red-flag.no", culture).Replace("{0}", "", StringComparison.Ordinal);
            if (prefix.Length > 0 && words.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return words[prefix.Length..];
            }
        }

        return words;
    }

    // One mention can answer two questions (osteoporosis as a risk and as a contraindication, a pregnancy as one of
    // the contraindications and as its own question), or part of it another ("marathon" whether the person runs,
    // "marathon van zondag" whether it was a race of the past two weeks): said once, as the longer.
    private string Join(List<string> items, string culture)
    {
        var said = items;
        if (items.Count > 1)
        {
            said = [];
            for (var i = 0; i < items.Count; i++)
            {
                if (!SaidElsewhere(items, i))
                {
                    said.Add(items[i]);
                }
            }
        }

        return Texts.List(said, culture);
    }

    // Whether another item says this one already: the same text earlier in the list, or a longer text that holds it as
    // whole words.
    private static bool SaidElsewhere(List<string> items, int index)
    {
        var item = items[index];
        for (var j = 0; j < items.Count; j++)
        {
            var other = items[j];
            if (j != index && (other.Length == item.Length ? j < index && other == item : other.Length > item.Length && NextWordMatch($" {Normalize(other)} ", Normalize(item), 0) >= 0))
            {
                return true;
            }
        }

        return false;
    }

    private Reply OutcomeReply(TriageState state, TriageOutcome outcome) =>
        new(OutcomeText.Format(outcome, state.Culture, Texts)) { IsOutcome = true };

    // Whether the whole message is one of the phrases.
    private static bool IsOneOf(ReadOnlySpan<char> said, string[] phrases)
    {
        foreach (var phrase in phrases)
        {
            if (said.SequenceEqual(phrase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A choice with its labels and other words as <see cref="Normalize"/> leaves them, for comparing with a message;
    /// <see cref="Alone"/> only as the whole message.
    /// </summary>
    private sealed record NormalizedChoice(string Code, string[] Phrases, string[] Alone);
}
