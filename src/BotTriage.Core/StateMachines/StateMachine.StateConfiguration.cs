using System.Globalization;

namespace BotTriage.Core.StateMachines;

public sealed partial class StateMachine<TState, TTrigger>
{
    /// <summary>
    /// The fluent configuration of one state, returned by <see cref="Configure(TState)"/>. Rules for one trigger
    /// are evaluated in the order they are configured here and the first whose guard passes wins, so an
    /// unconditional rule must come last: configuring anything after it is rejected because it could never apply.
    /// Every method throws <see cref="InvalidOperationException"/> once the definition is shared through <see cref="Bind"/>.
    /// </summary>
    public sealed class StateConfiguration
    {
        private readonly StateMachineDefinition<TState, TTrigger> _definition;
        private readonly StateRepresentation<TState, TTrigger> _representation;

        internal StateConfiguration(StateMachineDefinition<TState, TTrigger> definition, StateRepresentation<TState, TTrigger> representation)
        {
            _definition = definition;
            _representation = representation;
        }

        /// <summary>The state being configured.</summary>
        public TState State => _representation.State;

        /// <summary>Moves to <paramref name="destinationState"/> when <paramref name="trigger"/> is fired.</summary>
        public StateConfiguration Permit(TTrigger trigger, TState destinationState) =>
            AddTransition(trigger, destinationState, guard: null);

        /// <summary>Moves to <paramref name="destinationState"/> when <paramref name="trigger"/> is fired and <paramref name="guard"/> passes.</summary>
        public StateConfiguration PermitIf(TTrigger trigger, TState destinationState, Func<bool> guard, string guardDescription)
        {
            ArgumentNullException.ThrowIfNull(guard);
            return AddTransition(trigger, destinationState, new TransitionGuard(_ => guard(), CheckDescription(guardDescription), readsArguments: false));
        }

        /// <summary>Moves to <paramref name="destinationState"/> when the guard passes for the argument the trigger is fired with.</summary>
        public StateConfiguration PermitIf<TArg>(TriggerWithParameters<TArg> trigger, TState destinationState, Func<TArg, bool> guard, string guardDescription)
        {
            ArgumentNullException.ThrowIfNull(guard);
            return AddTransition(CheckParameters(trigger), destinationState, new TransitionGuard(args => guard((TArg)args[0]!), CheckDescription(guardDescription), readsArguments: true));
        }

        /// <summary>Moves to <paramref name="destinationState"/> when the guard passes for the arguments the trigger is fired with.</summary>
        public StateConfiguration PermitIf<TArg0, TArg1>(TriggerWithParameters<TArg0, TArg1> trigger, TState destinationState, Func<TArg0, TArg1, bool> guard, string guardDescription)
        {
            ArgumentNullException.ThrowIfNull(guard);
            return AddTransition(CheckParameters(trigger), destinationState, new TransitionGuard(args => guard((TArg0)args[0]!, (TArg1)args[1]!), CheckDescription(guardDescription), readsArguments: true));
        }

        /// <summary>Leaves and enters this state again, running its exit and entry actions.</summary>
        public StateConfiguration PermitReentry(TTrigger trigger) =>
            Add(new TriggerBehaviour<TState, TTrigger>(trigger, TransitionKind.Reentry, State, guard: null, internalAction: null));

        /// <summary>Leaves and enters this state again when <paramref name="guard"/> passes.</summary>
        public StateConfiguration PermitReentryIf(TTrigger trigger, Func<bool> guard, string guardDescription)
        {
            ArgumentNullException.ThrowIfNull(guard);
            return Add(new TriggerBehaviour<TState, TTrigger>(trigger, TransitionKind.Reentry, State, new TransitionGuard(_ => guard(), CheckDescription(guardDescription), readsArguments: false), internalAction: null));
        }

        /// <summary>Runs <paramref name="action"/> without leaving the state: no exit or entry actions run.</summary>
        public StateConfiguration InternalTransition(TTrigger trigger, Action<Transition> action)
        {
            ArgumentNullException.ThrowIfNull(action);
            return Add(new TriggerBehaviour<TState, TTrigger>(trigger, TransitionKind.Internal, State, guard: null, action));
        }

        /// <summary>Runs <paramref name="action"/> with the trigger's argument without leaving the state.</summary>
        public StateConfiguration InternalTransition<TArg>(TriggerWithParameters<TArg> trigger, Action<TArg, Transition> action)
        {
            ArgumentNullException.ThrowIfNull(action);
            return Add(new TriggerBehaviour<TState, TTrigger>(CheckParameters(trigger), TransitionKind.Internal, State, guard: null, t => action((TArg)t.Parameters[0]!, t)));
        }

        /// <summary>Accepts <paramref name="trigger"/> and does nothing; it is then not an unhandled trigger.</summary>
        public StateConfiguration Ignore(TTrigger trigger) =>
            Add(new TriggerBehaviour<TState, TTrigger>(trigger, kind: null, State, guard: null, internalAction: null));

        /// <summary>Accepts <paramref name="trigger"/> and does nothing when <paramref name="guard"/> passes.</summary>
        public StateConfiguration IgnoreIf(TTrigger trigger, Func<bool> guard, string guardDescription)
        {
            ArgumentNullException.ThrowIfNull(guard);
            return Add(new TriggerBehaviour<TState, TTrigger>(trigger, kind: null, State, new TransitionGuard(_ => guard(), CheckDescription(guardDescription), readsArguments: false), internalAction: null));
        }

        /// <summary>Accepts the trigger and does nothing when <paramref name="guard"/> passes for its argument.</summary>
        public StateConfiguration IgnoreIf<TArg>(TriggerWithParameters<TArg> trigger, Func<TArg, bool> guard, string guardDescription)
        {
            ArgumentNullException.ThrowIfNull(guard);
            return Add(new TriggerBehaviour<TState, TTrigger>(CheckParameters(trigger), kind: null, State, new TransitionGuard(args => guard((TArg)args[0]!), CheckDescription(guardDescription), readsArguments: true), internalAction: null));
        }

        /// <summary>Runs <paramref name="action"/> whenever the state is entered from outside it.</summary>
        public StateConfiguration OnEntry(Action action, string? description = null)
        {
            ArgumentNullException.ThrowIfNull(action);
            return AddEntry(_ => action(), description);
        }

        /// <summary>Runs <paramref name="action"/> with the transition whenever the state is entered from outside it.</summary>
        public StateConfiguration OnEntry(Action<Transition> action, string? description = null)
        {
            ArgumentNullException.ThrowIfNull(action);
            return AddEntry(action, description);
        }

        /// <summary>Runs <paramref name="action"/> when the state is entered because of <paramref name="trigger"/>.</summary>
        public StateConfiguration OnEntryFrom(TTrigger trigger, Action<Transition> action, string? description = null)
        {
            ArgumentNullException.ThrowIfNull(action);
            return AddEntry(action, description, trigger);
        }

        /// <summary>Runs <paramref name="action"/> with the trigger's argument when the state is entered because of that trigger.</summary>
        public StateConfiguration OnEntryFrom<TArg>(TriggerWithParameters<TArg> trigger, Action<TArg> action, string? description = null)
        {
            ArgumentNullException.ThrowIfNull(action);
            return AddEntry(t => action((TArg)t.Parameters[0]!), description, CheckParameters(trigger));
        }

        /// <summary>Runs <paramref name="action"/> with the trigger's argument and the transition when the state is entered because of that trigger.</summary>
        public StateConfiguration OnEntryFrom<TArg>(TriggerWithParameters<TArg> trigger, Action<TArg, Transition> action, string? description = null)
        {
            ArgumentNullException.ThrowIfNull(action);
            return AddEntry(t => action((TArg)t.Parameters[0]!, t), description, CheckParameters(trigger));
        }

        /// <summary>Runs <paramref name="action"/> with the trigger's arguments when the state is entered because of that trigger.</summary>
        public StateConfiguration OnEntryFrom<TArg0, TArg1>(TriggerWithParameters<TArg0, TArg1> trigger, Action<TArg0, TArg1> action, string? description = null)
        {
            ArgumentNullException.ThrowIfNull(action);
            return AddEntry(t => action((TArg0)t.Parameters[0]!, (TArg1)t.Parameters[1]!), description, CheckParameters(trigger));
        }

        /// <summary>Runs <paramref name="action"/> whenever the state is left for a state outside it.</summary>
        public StateConfiguration OnExit(Action action, string? description = null)
        {
            ArgumentNullException.ThrowIfNull(action);
            return OnExit(_ => action(), description);
        }

        /// <summary>Runs <paramref name="action"/> with the transition whenever the state is left for a state outside it.</summary>
        public StateConfiguration OnExit(Action<Transition> action, string? description = null)
        {
            ArgumentNullException.ThrowIfNull(action);
            _definition.EnsureConfigurable();
            _representation.ExitActions.Add(new StateAction<TState, TTrigger>(action, description, hasFromTrigger: false, default!));
            return this;
        }

        /// <summary>
        /// Makes this state a substate of <paramref name="superstate"/>: the machine is then also in the superstate,
        /// and the superstate's rules apply when this state has none that fit.
        /// </summary>
        public StateConfiguration SubstateOf(TState superstate)
        {
            _definition.EnsureConfigurable();
            var parent = _definition.GetOrAdd(superstate);
            if (_representation.IsAncestorOrSelfOf(parent))
            {
                throw new ArgumentException(
                    Format($"State '{State}' cannot be a substate of '{superstate}': a state cannot be its own ancestor."),
                    nameof(superstate));
            }

            if (_representation.Superstate is { } current)
            {
                if (ReferenceEquals(current, parent))
                {
                    return this;
                }

                throw new InvalidOperationException(Format($"State '{State}' is already a substate of '{current.State}'; it cannot also be a substate of '{superstate}'."));
            }

            _representation.Superstate = parent;
            parent.Substates.Add(_representation);
            return this;
        }

        /// <summary>Enters <paramref name="substate"/> automatically whenever this state is the destination of a transition.</summary>
        public StateConfiguration InitialTransition(TState substate)
        {
            _definition.EnsureConfigurable();
            if (EqualityComparer<TState>.Default.Equals(substate, State))
            {
                throw new ArgumentException(Format($"State '{State}' cannot be its own initial substate."), nameof(substate));
            }

            if (_representation.HasInitialTransition)
            {
                throw new InvalidOperationException(Format($"State '{State}' already has the initial transition to '{_representation.InitialTransitionTarget}'."));
            }

            _definition.GetOrAdd(substate);
            _representation.HasInitialTransition = true;
            _representation.InitialTransitionTarget = substate;
            return this;
        }

        private StateConfiguration AddTransition(TTrigger trigger, TState destinationState, TransitionGuard? guard)
        {
            if (EqualityComparer<TState>.Default.Equals(destinationState, State))
            {
                throw new ArgumentException(
                    Format($"State '{State}' cannot Permit trigger '{trigger}' to itself. Use PermitReentry to run exit and entry actions again, InternalTransition to run an action, or Ignore."),
                    nameof(destinationState));
            }

            _definition.EnsureConfigurable();
            _definition.GetOrAdd(destinationState);
            return Add(new TriggerBehaviour<TState, TTrigger>(trigger, TransitionKind.External, destinationState, guard, internalAction: null));
        }

        private StateConfiguration Add(TriggerBehaviour<TState, TTrigger> behaviour)
        {
            _definition.EnsureConfigurable();
            var unconditional = _representation.BehavioursFor(behaviour.Trigger).FirstOrDefault(b => b.IsUnconditional);
            if (unconditional is not null)
            {
                throw new InvalidOperationException(Format(
                    $"State '{State}' already handles trigger '{behaviour.Trigger}' unconditionally ({unconditional.Describe()}), so {behaviour.Describe()} would never apply. Rules are evaluated in order: configure guarded rules first and the unconditional one last."));
            }

            _representation.Behaviours.Add(behaviour);
            return this;
        }

        private StateConfiguration AddEntry(Action<Transition> action, string? description)
        {
            _definition.EnsureConfigurable();
            _representation.EntryActions.Add(new StateAction<TState, TTrigger>(action, description, hasFromTrigger: false, default!));
            return this;
        }

        private StateConfiguration AddEntry(Action<Transition> action, string? description, TTrigger trigger)
        {
            _definition.EnsureConfigurable();
            _representation.EntryActions.Add(new StateAction<TState, TTrigger>(action, description, hasFromTrigger: true, trigger));
            return this;
        }

        private TTrigger CheckParameters(TriggerWithParameters trigger)
        {
            ArgumentNullException.ThrowIfNull(trigger);
            var configured = _definition.FindParameters(trigger.Trigger);
            if (configured is null || !configured.HasSameSignatureAs(trigger))
            {
                throw new ArgumentException(
                    Format($"Trigger '{trigger.Trigger}' is used with arguments ({TriggerWithParameters.Describe(trigger.ParameterTypes)}) but this machine configured {(configured is null ? "none" : $"({TriggerWithParameters.Describe(configured.ParameterTypes)})")}. Use the result of SetTriggerParameters on this machine."),
                    nameof(trigger));
            }

            return trigger.Trigger;
        }

        private static string CheckDescription(string guardDescription)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(guardDescription);
            return guardDescription;
        }

        private static string Format(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
    }
}
