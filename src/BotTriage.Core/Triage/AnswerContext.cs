using System.Collections.Immutable;
using BotTriage.Core.Conditions;
using BotTriage.Core.Dialogs;

namespace BotTriage.Core.Triage;

/// <summary>Resolves the names conditions use to the conversation's answers.</summary>
internal sealed class AnswerContext(FlowDefinition flow, TriageState state, ImmutableList<ContraindicationRule>? table = null) : IConditionContext
{
    private readonly ImmutableList<ContraindicationRule> _table = table ?? [];

    public ConditionValue Resolve(string reference)
    {
        switch (reference)
        {
            case "redflags":
                return ConditionValue.OfSet(RedFlags.Reported(flow, state.Answers));
            case "redflags.count":
                return ConditionValue.OfNumber(RedFlags.Reported(flow, state.Answers).Count);
            case "contraindications":
                return ConditionValue.OfSet(Contraindications.Reported(flow, _table, state.Answers));
            case "contraindications.count":
                return ConditionValue.OfNumber(Contraindications.Reported(flow, _table, state.Answers).Count);
            case "language":
                return ConditionValue.OfSymbol(state.Culture);
        }

        if (reference.StartsWith(Vocabulary.ScorePrefix, StringComparison.Ordinal))
        {
            return Scores.Of(flow, state.Answers).TryGetValue(reference[Vocabulary.ScorePrefix.Length..], out var score)
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

        return state.Answers.TryGetValue(reference, out var answer) ? ValueOf(answer) : ConditionValue.Missing;
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
        AnswerKind.BodyLocation => ConditionValue.OfSet(answer.Locations.Select(l => l.Code)),
        AnswerKind.FreeText when !string.IsNullOrEmpty(answer.Text) => ConditionValue.OfSymbol("answered"),
        _ => ConditionValue.Missing,
    };
}
