namespace BotTriage.Core.StateMachines;

public sealed partial class StateMachine<TState, TTrigger>
{
    /// <summary>
    /// One step of the machine as seen by entry, exit and internal-transition actions.
    /// </summary>
    /// <param name="Source">The state the machine was in when the trigger was fired.</param>
    /// <param name="Destination">The state being entered; equal to <paramref name="Source"/> for reentry and internal transitions.</param>
    /// <param name="Trigger">The trigger that was fired.</param>
    /// <param name="IsReentry">True when the state is left and entered again (<c>PermitReentry</c>).</param>
    /// <param name="Parameters">The arguments the trigger was fired with, empty for a plain trigger.</param>
    public sealed record Transition(
        TState Source,
        TState Destination,
        TTrigger Trigger,
        bool IsReentry,
        IReadOnlyList<object?> Parameters);
}
