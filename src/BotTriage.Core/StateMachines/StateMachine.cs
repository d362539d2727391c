using System.Globalization;

namespace BotTriage.Core.StateMachines;

/// <summary>
/// A small hierarchical state machine shaped like Stateless: <c>Configure(state).Permit(trigger, next)</c>,
/// guards with descriptions, entry and exit actions, substates, triggers with parameters and external state storage.
/// <para>
/// One definition serves every conversation: configure a machine once, then call <see cref="Bind"/> per conversation
/// with that conversation's accessor and mutator. Binding is O(1), shares the configuration and freezes it, so the
/// bound machines can be used concurrently; configuring after the first <see cref="Bind"/> throws.
/// </para>
/// <para>
/// Unlike Stateless, guards for one trigger need not be mutually exclusive: the rules of a state are evaluated in
/// the order they were configured and the first whose guard passes wins, so an unconditional <c>Permit</c> configured
/// last is the fallback. Ordered rules are easier for clinicians to read than sets of exclusive conditions.
/// When no rule of a state fits, the rules of its superstate are tried.
/// </para>
/// <para>A single machine instance is not thread-safe; firing from inside an action is rejected.</para>
/// </summary>
/// <typeparam name="TState">The type of the states, compared with <see cref="EqualityComparer{T}.Default"/>.</typeparam>
/// <typeparam name="TTrigger">The type of the triggers, compared with <see cref="EqualityComparer{T}.Default"/>.</typeparam>
public sealed partial class StateMachine<TState, TTrigger>
    where TState : notnull
    where TTrigger : notnull
{
    private static readonly object?[] NoArguments = [];

    private readonly StateMachineDefinition<TState, TTrigger> _definition;
    private readonly Func<TState> _stateAccessor;
    private readonly Action<TState> _stateMutator;
    private bool _firing;

    /// <summary>Creates a machine that keeps its state itself, starting in <paramref name="initialState"/>.</summary>
    public StateMachine(TState initialState)
    {
        var storage = new StateReference(initialState);
        _definition = new StateMachineDefinition<TState, TTrigger>(hasInitialState: true, initialState);
        _stateAccessor = storage.Get;
        _stateMutator = storage.Set;
    }

    /// <summary>Creates a machine that reads and writes its state through <paramref name="stateAccessor"/> and <paramref name="stateMutator"/>.</summary>
    public StateMachine(Func<TState> stateAccessor, Action<TState> stateMutator)
        : this(new StateMachineDefinition<TState, TTrigger>(hasInitialState: false, default!), stateAccessor, stateMutator)
    {
    }

    private StateMachine(StateMachineDefinition<TState, TTrigger> definition, Func<TState> stateAccessor, Action<TState> stateMutator)
    {
        ArgumentNullException.ThrowIfNull(stateAccessor);
        ArgumentNullException.ThrowIfNull(stateMutator);
        _definition = definition;
        _stateAccessor = stateAccessor;
        _stateMutator = stateMutator;
    }

    /// <summary>The current state, read through the accessor.</summary>
    public TState State => _stateAccessor();

    /// <summary>The triggers that can be fired in the current state without arguments; see <see cref="GetPermittedTriggers"/>.</summary>
    public IEnumerable<TTrigger> PermittedTriggers => GetPermittedTriggers();

    /// <summary>
    /// Returns a machine with this configuration whose state lives in the given storage. The configuration is shared,
    /// not copied, and becomes read-only: later calls to <see cref="Configure"/>, <see cref="SetTriggerParameters{TArg}"/>
    /// or <see cref="OnUnhandledTrigger"/> on any machine of this definition throw <see cref="InvalidOperationException"/>.
    /// </summary>
    public StateMachine<TState, TTrigger> Bind(Func<TState> stateAccessor, Action<TState> stateMutator)
    {
        if (!_definition.IsFrozen)
        {
            ValidateInitialTransitions();
            _definition.Freeze();
        }

        return new StateMachine<TState, TTrigger>(_definition, stateAccessor, stateMutator);
    }

    /// <summary>Begins the configuration of <paramref name="state"/>; repeated calls extend the same configuration.</summary>
    public StateConfiguration Configure(TState state) => new(_definition, _definition.GetOrAdd(state));

    /// <summary>Declares that <paramref name="trigger"/> is fired with one argument of type <typeparamref name="TArg"/>.</summary>
    public TriggerWithParameters<TArg> SetTriggerParameters<TArg>(TTrigger trigger) =>
        _definition.AddParameters(new TriggerWithParameters<TArg>(trigger));

    /// <summary>Declares that <paramref name="trigger"/> is fired with two arguments.</summary>
    public TriggerWithParameters<TArg0, TArg1> SetTriggerParameters<TArg0, TArg1>(TTrigger trigger) =>
        _definition.AddParameters(new TriggerWithParameters<TArg0, TArg1>(trigger));

    /// <summary>
    /// Replaces the default reaction to a trigger that no rule of the current state (or its superstates) accepts,
    /// which is an <see cref="InvalidOperationException"/> naming the state and the trigger.
    /// </summary>
    public void OnUnhandledTrigger(Action<TState, TTrigger> unhandledTriggerAction)
    {
        ArgumentNullException.ThrowIfNull(unhandledTriggerAction);
        _definition.UnhandledTriggerAction = unhandledTriggerAction;
    }

    /// <summary>Fires a trigger without arguments.</summary>
    /// <exception cref="ArgumentException">The trigger was declared with parameters.</exception>
    /// <exception cref="InvalidOperationException">No rule accepts the trigger and no unhandled-trigger action is set.</exception>
    public void Fire(TTrigger trigger) => InternalFire(trigger, NoArguments);

    /// <summary>Fires a trigger with one argument; guards and <c>OnEntryFrom</c> actions receive it.</summary>
    public void Fire<TArg>(TriggerWithParameters<TArg> trigger, TArg arg)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        InternalFire(trigger.Trigger, [arg]);
    }

    /// <summary>Fires a trigger with two arguments.</summary>
    public void Fire<TArg0, TArg1>(TriggerWithParameters<TArg0, TArg1> trigger, TArg0 arg0, TArg1 arg1)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        InternalFire(trigger.Trigger, [arg0, arg1]);
    }

    /// <summary>Fires a trigger with arguments known only at run time, for example from dialog data.</summary>
    /// <exception cref="ArgumentException">The number or types of <paramref name="args"/> do not match the trigger.</exception>
    public void Fire(TriggerWithParameters trigger, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        ArgumentNullException.ThrowIfNull(args);
        InternalFire(trigger.Trigger, args);
    }

    /// <summary>True when firing <paramref name="trigger"/> without arguments would be accepted (moved, ignored or handled internally).</summary>
    public bool CanFire(TTrigger trigger) => FindHandler(trigger, NoArguments, unmetGuards: null) is not null;

    /// <summary>True when firing the trigger with <paramref name="arg"/> would be accepted.</summary>
    public bool CanFire<TArg>(TriggerWithParameters<TArg> trigger, TArg arg)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        return FindHandler(trigger.Trigger, [arg], unmetGuards: null) is not null;
    }

    /// <summary>True when firing the trigger with the two arguments would be accepted.</summary>
    public bool CanFire<TArg0, TArg1>(TriggerWithParameters<TArg0, TArg1> trigger, TArg0 arg0, TArg1 arg1)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        return FindHandler(trigger.Trigger, [arg0, arg1], unmetGuards: null) is not null;
    }

    /// <summary>
    /// The triggers accepted in the current state, its own first and then its superstates', each once, in configuration
    /// order. Guards are evaluated with <paramref name="args"/>; a guard that reads arguments counts as failed for a
    /// trigger whose parameter types do not match them. Ignored triggers are included, as in Stateless.
    /// </summary>
    public IReadOnlyList<TTrigger> GetPermittedTriggers(params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var permitted = new List<TTrigger>();
        for (var state = _definition.Find(State); state is not null; state = state.Superstate)
        {
            foreach (var behaviour in state.Behaviours)
            {
                if (!permitted.Contains(behaviour.Trigger) && IsMet(behaviour, args))
                {
                    permitted.Add(behaviour.Trigger);
                }
            }
        }

        return permitted;
    }

    /// <summary>True when the current state is <paramref name="state"/> or one of its substates.</summary>
    public bool IsInState(TState state)
    {
        var current = State;
        var representation = _definition.Find(current);
        if (representation is null)
        {
            return EqualityComparer<TState>.Default.Equals(current, state);
        }

        for (var s = representation; s is not null; s = s.Superstate)
        {
            if (EqualityComparer<TState>.Default.Equals(s.State, state))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A read-only description of the configuration, for graphs and validation.</summary>
    public StateMachineInfo GetInfo() => StateMachineInfoBuilder<TState, TTrigger>.Build(_definition);

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"StateMachine {{ State = {State}, PermittedTriggers = {{ {string.Join(", ", GetPermittedTriggers())} }} }}");

    private void InternalFire(TTrigger trigger, object?[] args)
    {
        if (_firing)
        {
            throw new InvalidOperationException(Format($"Trigger '{trigger}' was fired from inside an action of another transition; fire it after Fire returns."));
        }

        var argumentsFit = ValidateArguments(trigger, args);
        var source = State;
        var handler = FindHandler(trigger, args, argumentsFit);
        if (handler is not { } found)
        {
            if (_definition.UnhandledTriggerAction is { } unhandled)
            {
                unhandled(source, trigger);
                return;
            }

            // Only on this error path are the guards that failed collected, for the message.
            var unmetGuards = new List<string>();
            _ = FindHandler(trigger, args, argumentsFit, unmetGuards);
            var guards = unmetGuards.Count == 0 ? string.Empty : $" Guards not met: {string.Join(", ", unmetGuards.Select(g => $"[{g}]"))}.";
            throw new InvalidOperationException(Format($"Trigger '{trigger}' is not permitted in state '{source}'.{guards} Configure or Ignore it, or set OnUnhandledTrigger."));
        }

        _firing = true;
        try
        {
            Execute(found.Behaviour, found.Owner, source, trigger, args);
        }
        finally
        {
            _firing = false;
        }
    }

    /// <summary>Throws when the arguments do not fit the trigger; returns whether guards that read arguments can be evaluated.</summary>
    private bool ValidateArguments(TTrigger trigger, object?[] args)
    {
        var parameters = _definition.FindParameters(trigger);
        if (parameters is not null)
        {
            parameters.ValidateArguments(args);
            return true;
        }

        if (args.Length > 0)
        {
            throw new ArgumentException(Format($"Trigger '{trigger}' has no parameters configured but was fired with {args.Length} argument(s); call SetTriggerParameters first."), nameof(args));
        }

        return false;
    }

    private (TriggerBehaviour<TState, TTrigger> Behaviour, StateRepresentation<TState, TTrigger> Owner)? FindHandler(
        TTrigger trigger, IReadOnlyList<object?> args, List<string>? unmetGuards) =>
        FindHandler(trigger, args, _definition.FindParameters(trigger)?.Accepts(args) ?? false, unmetGuards);

    /// <summary>
    /// The first rule for the trigger whose guard passes, in the current state and then its superstates. Every rule
    /// looked at is for the same trigger, so whether the arguments fit its parameters is known once beforehand.
    /// </summary>
    private (TriggerBehaviour<TState, TTrigger> Behaviour, StateRepresentation<TState, TTrigger> Owner)? FindHandler(
        TTrigger trigger, IReadOnlyList<object?> args, bool argumentsFit, List<string>? unmetGuards = null)
    {
        var comparer = EqualityComparer<TTrigger>.Default;
        for (var state = _definition.Find(State); state is not null; state = state.Superstate)
        {
            foreach (var behaviour in state.Behaviours)
            {
                if (!comparer.Equals(behaviour.Trigger, trigger))
                {
                    continue;
                }

                if (behaviour.Guard is not { } guard || guard.IsMet(args, argumentsFit))
                {
                    return (behaviour, state);
                }

                unmetGuards?.Add(guard.Description);
            }
        }

        return null;
    }

    private bool IsMet(TriggerBehaviour<TState, TTrigger> behaviour, IReadOnlyList<object?> args) =>
        behaviour.Guard is not { } guard
        || guard.IsMet(args, _definition.FindParameters(behaviour.Trigger)?.Accepts(args) ?? false);

    private void Execute(
        TriggerBehaviour<TState, TTrigger> behaviour,
        StateRepresentation<TState, TTrigger> owner,
        TState source,
        TTrigger trigger,
        object?[] args)
    {
        switch (behaviour.Kind)
        {
            case null:
                return;
            case TransitionKind.Internal:
                behaviour.InternalAction!(new Transition(source, source, trigger, IsReentry: false, args));
                return;
            case TransitionKind.Reentry:
                Move(_definition.Find(source)!, owner, new Transition(source, owner.State, trigger, IsReentry: true, args));
                return;
            default:
                var from = _definition.Find(source)!;
                var to = _definition.Find(behaviour.Destination)!;
                if (IsPlainMove(from, to))
                {
                    _stateMutator(to.State);
                    return;
                }

                Move(from, to, new Transition(source, behaviour.Destination, trigger, IsReentry: false, args));
                return;
        }
    }

    /// <summary>
    /// A move between two top-level states without actions or an initial transition: <see cref="Move"/> would only
    /// set the state, so the transition it hands to actions need not be built.
    /// </summary>
    private static bool IsPlainMove(StateRepresentation<TState, TTrigger> source, StateRepresentation<TState, TTrigger> destination) =>
        source.Superstate is null && destination.Superstate is null && source.ExitActions.Count == 0 && destination.EntryActions.Count == 0
        && !destination.HasInitialTransition;

    private void Move(StateRepresentation<TState, TTrigger> source, StateRepresentation<TState, TTrigger> destination, Transition transition)
    {
        // Leave every state that does not contain the destination; on reentry the destination itself is left too.
        // The states left are the source and its superstates up to the outermost one left.
        StateRepresentation<TState, TTrigger>? outermostExited = null;
        for (var s = source; s is not null; s = s.Superstate)
        {
            var leave = transition.IsReentry ? destination.IsAncestorOrSelfOf(s) : !s.IsAncestorOrSelfOf(destination);
            if (!leave)
            {
                break;
            }

            foreach (var exit in s.ExitActions)
            {
                exit.Run(transition);
            }

            outermostExited = s;
        }

        _stateMutator(destination.State);

        // Enter, outermost first, every state of the destination's chain that is not still active.
        Enter(destination, source, outermostExited, transition);

        for (var s = destination; s.HasInitialTransition;)
        {
            var target = _definition.Find(s.InitialTransitionTarget)!;
            CheckInitialTransition(s, target);
            var step = transition with { Destination = target.State };
            _stateMutator(target.State);
            RunEntryActions(target, step);
            s = target;
        }
    }

    /// <summary>Enters <paramref name="state"/> after its superstates when it is not still active: it was left, or it never contained the source.</summary>
    private static void Enter(
        StateRepresentation<TState, TTrigger>? state,
        StateRepresentation<TState, TTrigger> source,
        StateRepresentation<TState, TTrigger>? outermostExited,
        Transition transition)
    {
        var containsSource = state is not null && state.IsAncestorOrSelfOf(source);
        var exited = containsSource && outermostExited is not null && outermostExited.IsAncestorOrSelfOf(state!);
        if (state is null || (containsSource && !exited))
        {
            return;
        }

        Enter(state.Superstate, source, outermostExited, transition);
        RunEntryActions(state, transition);
    }

    private static void RunEntryActions(StateRepresentation<TState, TTrigger> state, Transition transition)
    {
        foreach (var entry in state.EntryActions)
        {
            entry.Run(transition);
        }
    }

    private void ValidateInitialTransitions()
    {
        foreach (var state in _definition.States.Where(s => s.HasInitialTransition))
        {
            CheckInitialTransition(state, _definition.Find(state.InitialTransitionTarget)!);
        }
    }

    private static void CheckInitialTransition(StateRepresentation<TState, TTrigger> state, StateRepresentation<TState, TTrigger> target)
    {
        if (!ReferenceEquals(target.Superstate, state))
        {
            throw new InvalidOperationException(Format($"The initial transition of state '{state.State}' leads to '{target.State}', which is not a direct substate of it."));
        }
    }

    private static string Format(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);

    /// <summary>The storage of a machine created with an initial state rather than an accessor and mutator.</summary>
    private sealed class StateReference(TState state)
    {
        private TState _state = state;

        public TState Get() => _state;

        public void Set(TState value) => _state = value;
    }
}
