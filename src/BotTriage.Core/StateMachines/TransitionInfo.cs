namespace BotTriage.Core.StateMachines;

/// <summary>One configured transition of a state, as exported by <c>GetInfo</c>.</summary>
/// <param name="Trigger">The trigger value.</param>
/// <param name="Destination">The state the transition leads to (the source itself for reentry and internal transitions).</param>
/// <param name="Kind">Whether the transition leaves the state.</param>
/// <param name="GuardDescription">What the guard checks, or null when the transition is unconditional.</param>
/// <param name="ParameterTypes">The trigger's argument types, empty for a plain trigger.</param>
public sealed record TransitionInfo(
    object Trigger,
    object Destination,
    TransitionKind Kind,
    string? GuardDescription,
    IReadOnlyList<Type> ParameterTypes);
