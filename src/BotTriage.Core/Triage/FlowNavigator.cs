using BotTriage.Core.Conditions;
using BotTriage.Core.Dialogs;

namespace BotTriage.Core.Triage;

/// <summary>
/// Chooses the next state of the flow from the answer just given: the trigger is the answer (yes, no, a choice code,
/// or "answered"), and the first transition for it whose condition holds wins.
/// </summary>
public sealed class FlowNavigator(FlowDefinition flow)
{
    public string Next(string step, TriageState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var current = flow[step];
        var trigger = TriggerOf(current, state.Answers.GetValueOrDefault(step));
        IConditionContext context = new AnswerContext(flow, state);
        foreach (var transition in current.Transitions)
        {
            if ((transition.On is null || transition.On == trigger) && (transition.When is null || transition.When.Evaluate(context)))
            {
                return transition.To;
            }
        }

        throw new InvalidOperationException($"State '{step}' has no way out for '{trigger}'; the loader should have refused this flow.");
    }

    public static string TriggerOf(DialogState state, Answer? answer)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Kind switch
        {
            AnswerKind.YesNo => answer?.YesNo switch
            {
                YesNo.Yes => Trigger.Yes,
                YesNo.No => Trigger.No,
                _ => Trigger.Unknown,
            },
            AnswerKind.Choice => answer?.Choice ?? Trigger.Answered,
            _ => Trigger.Answered,
        };
    }
}
