namespace BotTriage.Core.StateMachines;

public sealed partial class StateMachine<TState, TTrigger>
{
    /// <summary>A trigger fired with two arguments.</summary>
    /// <typeparam name="TArg0">The type of the first argument.</typeparam>
    /// <typeparam name="TArg1">The type of the second argument.</typeparam>
    public sealed class TriggerWithParameters<TArg0, TArg1> : TriggerWithParameters
    {
        internal TriggerWithParameters(TTrigger trigger)
            : base(trigger, typeof(TArg0), typeof(TArg1))
        {
        }
    }
}
