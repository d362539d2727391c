namespace BotTriage.Core.StateMachines;

/// <summary>One configured rule for a trigger in a state: where it leads and when it applies.</summary>
internal sealed class TriggerBehaviour<TState, TTrigger>
    where TState : notnull
    where TTrigger : notnull
{
    public TriggerBehaviour(
        TTrigger trigger,
        TransitionKind? kind,
        TState destination,
        TransitionGuard? guard,
        Action<StateMachine<TState, TTrigger>.Transition>? internalAction)
    {
        Trigger = trigger;
        Kind = kind;
        Destination = destination;
        Guard = guard;
        InternalAction = internalAction;
    }

    public TTrigger Trigger { get; }

    /// <summary>The kind of transition, or null when the rule ignores the trigger.</summary>
    public TransitionKind? Kind { get; }

    public bool IsIgnore => Kind is null;

    public TState Destination { get; }

    public TransitionGuard? Guard { get; }

    public Action<StateMachine<TState, TTrigger>.Transition>? InternalAction { get; }

    public bool IsUnconditional => Guard is null;

    public string Describe() => Kind switch
    {
        null => Guard is null ? "Ignore" : "IgnoreIf",
        TransitionKind.Reentry => "PermitReentry",
        TransitionKind.Internal => "InternalTransition",
        _ => Guard is null ? $"Permit to '{Destination}'" : $"PermitIf to '{Destination}'",
    };
}
