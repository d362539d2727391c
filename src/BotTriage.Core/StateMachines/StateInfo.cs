namespace BotTriage.Core.StateMachines;

/// <summary>
/// One state of a machine, as exported by <c>GetInfo</c>. States refer to each other by value
/// (not by <see cref="StateInfo"/>), so the description has no cycles and compares and prints safely.
/// </summary>
/// <param name="UnderlyingState">The state value.</param>
/// <param name="Superstate">The parent state, or null for a top-level state.</param>
/// <param name="Substates">The direct substates, in the order they were configured.</param>
/// <param name="InitialTransitionTarget">The substate entered automatically when this state is entered, or null.</param>
/// <param name="Transitions">The transitions, in the order their rules are evaluated.</param>
/// <param name="IgnoredTriggers">The triggers the state ignores.</param>
/// <param name="EntryActions">The entry actions, in the order they run.</param>
/// <param name="ExitActions">The exit actions, in the order they run.</param>
public sealed record StateInfo(
    object UnderlyingState,
    object? Superstate,
    IReadOnlyList<object> Substates,
    object? InitialTransitionTarget,
    IReadOnlyList<TransitionInfo> Transitions,
    IReadOnlyList<IgnoredTriggerInfo> IgnoredTriggers,
    IReadOnlyList<ActionInfo> EntryActions,
    IReadOnlyList<ActionInfo> ExitActions);
