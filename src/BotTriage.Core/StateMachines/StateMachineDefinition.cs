using System.Globalization;

namespace BotTriage.Core.StateMachines;

/// <summary>
/// The configuration shared by a machine and every machine bound from it. It is mutable until the first
/// <c>Bind</c> and read-only afterwards, which is what makes concurrent use from many conversations safe
/// without locks: after freezing nothing writes to these collections.
/// </summary>
internal sealed class StateMachineDefinition<TState, TTrigger>
    where TState : notnull
    where TTrigger : notnull
{
    private readonly Dictionary<TState, StateRepresentation<TState, TTrigger>> _states = [];
    private readonly List<StateRepresentation<TState, TTrigger>> _stateOrder = [];
    private readonly Dictionary<TTrigger, StateMachine<TState, TTrigger>.TriggerWithParameters> _parameters = [];
    private Action<TState, TTrigger>? _unhandledTriggerAction;
    private volatile bool _frozen;

    public StateMachineDefinition(bool hasInitialState, TState initialState)
    {
        HasInitialState = hasInitialState;
        InitialState = initialState;
    }

    public bool HasInitialState { get; }

    public TState InitialState { get; }

    public bool IsFrozen => _frozen;

    public IReadOnlyList<StateRepresentation<TState, TTrigger>> States => _stateOrder;

    public Action<TState, TTrigger>? UnhandledTriggerAction
    {
        get => _unhandledTriggerAction;
        set
        {
            EnsureConfigurable();
            _unhandledTriggerAction = value;
        }
    }

    public void Freeze() => _frozen = true;

    public void EnsureConfigurable()
    {
        if (_frozen)
        {
            throw new InvalidOperationException(
                "This state machine definition is shared by bound machines and can no longer be configured. Finish configuring before the first Bind.");
        }
    }

    public StateRepresentation<TState, TTrigger>? Find(TState state) => _states.GetValueOrDefault(state);

    public StateRepresentation<TState, TTrigger> GetOrAdd(TState state)
    {
        if (_states.TryGetValue(state, out var existing))
        {
            return existing;
        }

        EnsureConfigurable();
        var added = new StateRepresentation<TState, TTrigger>(state);
        _states.Add(state, added);
        _stateOrder.Add(added);
        return added;
    }

    public StateMachine<TState, TTrigger>.TriggerWithParameters? FindParameters(TTrigger trigger) =>
        _parameters.GetValueOrDefault(trigger);

    public T AddParameters<T>(T parameters)
        where T : StateMachine<TState, TTrigger>.TriggerWithParameters
    {
        EnsureConfigurable();
        if (_parameters.TryGetValue(parameters.Trigger, out var existing))
        {
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture,
                $"The parameters of trigger '{parameters.Trigger}' are already configured as ({StateMachine<TState, TTrigger>.TriggerWithParameters.Describe(existing.ParameterTypes)})."));
        }

        _parameters.Add(parameters.Trigger, parameters);
        return parameters;
    }
}
