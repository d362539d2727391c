namespace BotTriage.Core.StateMachines;

public sealed partial class StateMachine<TState, TTrigger>
{
    /// <summary>A trigger fired with one argument of type <typeparamref name="TArg"/>.</summary>
    /// <typeparam name="TArg">The type of the argument.</typeparam>
    public sealed class TriggerWithParameters<TArg> : TriggerWithParameters
    {
        internal TriggerWithParameters(TTrigger trigger)
            : base(trigger, typeof(TArg))
        {
        }
    }
}
