namespace BotTriage.Core.StateMachines;

/// <summary>Turns a definition into the object-typed description that graphs and the dialog loader read.</summary>
internal static class StateMachineInfoBuilder<TState, TTrigger>
    where TState : notnull
    where TTrigger : notnull
{
    public static StateMachineInfo Build(StateMachineDefinition<TState, TTrigger> definition)
    {
        var states = definition.States.Select(s => new StateInfo(
            s.State,
            s.Superstate is null ? null : s.Superstate.State,
            [.. s.Substates.Select(sub => (object)sub.State)],
            s.HasInitialTransition ? s.InitialTransitionTarget : null,
            [.. s.Behaviours.Where(b => !b.IsIgnore).Select(b => new TransitionInfo(
                b.Trigger,
                b.Destination,
                b.Kind!.Value,
                b.Guard?.Description,
                definition.FindParameters(b.Trigger)?.ParameterTypes ?? []))],
            [.. s.Behaviours.Where(b => b.IsIgnore).Select(b => new IgnoredTriggerInfo(b.Trigger, b.Guard?.Description))],
            [.. s.EntryActions.Select(Describe)],
            [.. s.ExitActions.Select(Describe)]));

        return new StateMachineInfo(
            definition.HasInitialState ? definition.InitialState : null,
            [.. states],
            typeof(TState),
            typeof(TTrigger));
    }

    private static ActionInfo Describe(StateAction<TState, TTrigger> action) =>
        new(action.Description, action.HasFromTrigger ? action.FromTrigger : null);
}
