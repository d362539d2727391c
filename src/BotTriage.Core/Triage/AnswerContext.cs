using System.Collections.Immutable;
using BotTriage.Core.Conditions;
using BotTriage.Core.Dialogs;

namespace BotTriage.Core.Triage;

/// <summary>
/// Resolves the names conditions use to the conversation's answers. One context serves every condition evaluated
/// against the same state, so what is derived from all the answers (red flags, contraindications, scores) is worked
/// out once, when a condition first asks for it.
/// </summary>
internal sealed class AnswerContext(FlowDefinition flow, TriageState state, ImmutableList<ContraindicationRule>? table = null) : IConditionContext
{
    private static readonly ImmutableHashSet<string> SuicideOnly = ["suicide"];

    private readonly ImmutableList<ContraindicationRule> _table = table ?? [];
    private ImmutableHashSet<string>? _redFlags;
    private ImmutableHashSet<string>? _unsure;
    private ImmutableHashSet<string>? _contraindications;
    private ImmutableSortedDictionary<string, int>? _scores;
    private string? _setReference;
    private ConditionValue _setValue;

    /// <summary>The state whose answers this context reads.</summary>
    public TriageState State => state;

    /// <summary>The questionnaire scores of the state, worked out once.</summary>
    public ImmutableSortedDictionary<string, int> Scores => _scores ??= Triage.Scores.Of(flow, state.Answers);

    private ImmutableHashSet<string> ReportedRedFlags => _redFlags ??= RedFlags.Reported(flow, state.Answers);

    private ImmutableHashSet<string> UnsureRedFlags => _unsure ??= [.. RedFlags.Unsure(flow, state.Answers).Select(f => f.Code)];

    private ImmutableHashSet<string> ReportedContraindications => _contraindications ??= Contraindications.Reported(flow, _table, state.Answers);

    public ConditionValue Resolve(string reference)
    {
        switch (reference)
        {
            case "redflags":
                return ConditionValue.OfSet(ReportedRedFlags);
            case Vocabulary.RedFlagCount:
                return ConditionValue.OfNumber(ReportedRedFlags.Count);
            case "redflags.unsure":
                return ConditionValue.OfSet(UnsureRedFlags);
            case "contraindications":
                return ConditionValue.OfSet(ReportedContraindications);
            case "contraindications.count":
                return ConditionValue.OfNumber(ReportedContraindications.Count);
            case "language":
                return ConditionValue.OfSymbol(state.Culture);
            case "emergencies":
                return ConditionValue.OfSet(state.ContinuedAfterSuicideAdvice ? SuicideOnly : []);
        }

        if (reference.StartsWith(Vocabulary.ScorePrefix, StringComparison.Ordinal))
        {
            return Scores.TryGetValue(reference[Vocabulary.ScorePrefix.Length..], out var score)
                ? ConditionValue.OfNumber(score)
                : ConditionValue.Missing;
        }

        var dot = reference.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0)
        {
            return state.Answers.TryGetValue(reference[..dot], out var timed) && timed.Seconds is { } seconds
                && Vocabulary.DurationUnits.TryGetValue(reference[(dot + 1)..], out var unit)
                ? ConditionValue.OfNumber(seconds / unit)
                : ConditionValue.Missing;
        }

        if (!state.Answers.TryGetValue(reference, out var answer))
        {
            return ConditionValue.Missing;
        }

        // The body locations are a set that several conditions in a row test ("location in [...]"); build it once.
        if (answer.Kind == AnswerKind.BodyLocation)
        {
            if (_setReference != reference)
            {
                _setValue = ValueOf(answer);
                _setReference = reference;
            }

            return _setValue;
        }

        return ValueOf(answer);
    }

    private static ConditionValue ValueOf(Answer answer) => answer.Kind switch
    {
        AnswerKind.YesNo when answer.YesNo is { } yesNo => ConditionValue.OfSymbol(yesNo switch
        {
            YesNo.Yes => Trigger.Yes,
            YesNo.No => Trigger.No,
            _ => Trigger.Unknown,
        }),
        AnswerKind.Choice when answer.Choice is { } choice => ConditionValue.OfSymbol(choice),
        AnswerKind.Number or AnswerKind.Scale when answer.Number is { } number => ConditionValue.OfNumber(number),
        AnswerKind.Duration when answer.Seconds is { } seconds => ConditionValue.OfNumber(seconds),
        // "Weet ik niet" twice to how long: no length, but an answer all the same ("duration == unknown").
        AnswerKind.Duration when answer.YesNo == YesNo.Unknown => ConditionValue.OfSymbol(Trigger.Unknown),
        AnswerKind.BodyLocation => ConditionValue.OfSet(Codes(answer.Locations)),
        AnswerKind.FreeText when !string.IsNullOrEmpty(answer.Text) => ConditionValue.OfSymbol("answered"),
        _ => ConditionValue.Missing,
    };

    private static ImmutableHashSet<string> Codes(ImmutableList<BodyLocation> locations)
    {
        var codes = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var location in locations)
        {
            codes.Add(location.Code);
        }

        return codes.ToImmutable();
    }
}
