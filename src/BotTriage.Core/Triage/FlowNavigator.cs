using System.Collections.Immutable;
using BotTriage.Core.Dialogs;
using BotTriage.Core.StateMachines;

namespace BotTriage.Core.Triage;

/// <summary>
/// The flow as a state machine, built once from dialogs/flow.yaml and shared by every conversation: states are the
/// flow's states, triggers are the answers (yes, no, a choice code, or "answered"), each carrying the conversation's
/// state's answers so guards can read them. The first transition whose condition holds wins.
/// </summary>
public sealed class FlowNavigator
{
    private readonly FlowDefinition _flow;
    private readonly ImmutableList<ContraindicationRule> _contraindications;
    private readonly StateMachine<string, string> _definition;
    private readonly Dictionary<string, StateMachine<string, string>.TriggerWithParameters<AnswerContext>> _triggers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _skips = new(StringComparer.Ordinal);

    public FlowNavigator(FlowDefinition flow, ImmutableList<ContraindicationRule>? contraindications = null)
    {
        ArgumentNullException.ThrowIfNull(flow);
        _flow = flow;
        _contraindications = contraindications ?? [];
        _definition = new StateMachine<string, string>(flow.Start);
        foreach (var trigger in flow.States.SelectMany(s => s.Triggers).Distinct(StringComparer.Ordinal))
        {
            _triggers[trigger] = _definition.SetTriggerParameters<AnswerContext>(trigger);
        }

        foreach (var state in flow.States)
        {
            Configure(state);
            if (SkipOf(state) is { } skip)
            {
                _skips[state.Id] = skip;
            }
        }

        // Binding once freezes the definition, so no conversation can change it afterwards.
        _ = _definition.Bind(() => flow.Start, _ => { });
    }

    /// <summary>The flow's graph, for <c>bottriage diagram</c> and the therapist workspace.</summary>
    public StateMachineInfo Info => _definition.GetInfo();

    /// <summary>The state that follows <paramref name="step"/> given the answers in <paramref name="state"/>.</summary>
    public string Next(string step, TriageState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return Next(step, Context(state));
    }

    /// <summary>The conditions' view of <paramref name="state"/>, to share between calls that read the same answers.</summary>
    internal AnswerContext Context(TriageState state) => new(_flow, state, _contraindications);

    /// <summary><see cref="Next(string, TriageState)"/> with the conditions' view of the state already at hand.</summary>
    internal string Next(string step, AnswerContext context)
    {
        var current = step;
        var machine = _definition.Bind(() => current, next => current = next);
        machine.Fire(_triggers[TriggerOf(_flow[step], context.State.Answers.GetValueOrDefault(step))], context);
        return current;
    }

    /// <summary>
    /// Whether the question is asked in this conversation: its module is on and its <c>when</c> holds. A question that
    /// is not asked is passed by through its transition without <c>on</c> and <c>when</c>.
    /// </summary>
    public bool IsAsked(DialogState question, TriageState state)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(state);
        return IsAsked(question, Context(state));
    }

    internal bool IsAsked(DialogState question, AnswerContext context) =>
        question.IsOutcome || (_flow.IsActive(question) && (question.AskWhen is not { } when || when.Evaluate(context)));

    /// <summary>The state after a question that is passed by.</summary>
    public static string Skip(DialogState question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return SkipOf(question) ?? throw new InvalidOperationException($"State '{question.Id}' has no transition without 'on' and 'when'.");
    }

    /// <summary><see cref="Skip(DialogState)"/> looked up in the flow this navigator was built for.</summary>
    internal string SkipFrom(DialogState question) => _skips.TryGetValue(question.Id, out var to) ? to : Skip(question);

    private static string? SkipOf(DialogState question)
    {
        foreach (var transition in question.Transitions)
        {
            if (transition.On is null && transition.When is null)
            {
                return transition.To;
            }
        }

        return null;
    }

    private static string TriggerOf(DialogState state, Answer? answer) =>
        state.Kind switch
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

    private void Configure(DialogState state)
    {
        var configuration = _definition.Configure(state.Id);
        foreach (var trigger in state.Triggers)
        {
            foreach (var transition in state.Transitions.Where(t => t.On is null || t.On == trigger))
            {
                if (transition.When is not { } when)
                {
                    configuration.Permit(trigger, transition.To);
                    break;
                }

                configuration.PermitIf(_triggers[trigger], transition.To, when.Evaluate, when.Text);
            }
        }
    }
}
