namespace BotTriage.Core.StateMachines;

/// <summary>An entry or exit action, optionally limited to one trigger (<c>OnEntryFrom</c>).</summary>
internal sealed class StateAction<TState, TTrigger>
    where TState : notnull
    where TTrigger : notnull
{
    public StateAction(Action<StateMachine<TState, TTrigger>.Transition> action, string? description, bool hasFromTrigger, TTrigger fromTrigger)
    {
        Action = action;
        Description = description;
        HasFromTrigger = hasFromTrigger;
        FromTrigger = fromTrigger;
    }

    public Action<StateMachine<TState, TTrigger>.Transition> Action { get; }

    public string? Description { get; }

    public bool HasFromTrigger { get; }

    public TTrigger FromTrigger { get; }

    public void Run(StateMachine<TState, TTrigger>.Transition transition)
    {
        if (!HasFromTrigger || EqualityComparer<TTrigger>.Default.Equals(FromTrigger, transition.Trigger))
        {
            Action(transition);
        }
    }
}
