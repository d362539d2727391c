namespace BotTriage.Core.StateMachines;

/// <summary>The configuration of one state: its place in the hierarchy, its rules and its actions.</summary>
internal sealed class StateRepresentation<TState, TTrigger>
    where TState : notnull
    where TTrigger : notnull
{
    public StateRepresentation(TState state)
    {
        State = state;
    }

    public TState State { get; }

    public StateRepresentation<TState, TTrigger>? Superstate { get; set; }

    public List<StateRepresentation<TState, TTrigger>> Substates { get; } = [];

    public bool HasInitialTransition { get; set; }

    public TState InitialTransitionTarget { get; set; } = default!;

    /// <summary>All rules of this state in the order they were configured; that order is the evaluation order.</summary>
    public List<TriggerBehaviour<TState, TTrigger>> Behaviours { get; } = [];

    public List<StateAction<TState, TTrigger>> EntryActions { get; } = [];

    public List<StateAction<TState, TTrigger>> ExitActions { get; } = [];

    public IEnumerable<TriggerBehaviour<TState, TTrigger>> BehavioursFor(TTrigger trigger) =>
        Behaviours.Where(b => EqualityComparer<TTrigger>.Default.Equals(b.Trigger, trigger));

    /// <summary>True when <paramref name="other"/> is this state or one of its (indirect) substates.</summary>
    public bool IsAncestorOrSelfOf(StateRepresentation<TState, TTrigger> other)
    {
        for (StateRepresentation<TState, TTrigger>? s = other; s is not null; s = s.Superstate)
        {
            if (ReferenceEquals(s, this))
            {
                return true;
            }
        }

        return false;
    }
}
