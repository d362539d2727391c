namespace BotTriage.Core.StateMachines;

/// <summary>
/// A read-only description of a state machine's configuration: its states, their substates,
/// transitions with guard descriptions, ignored triggers and actions. Used to draw the graph
/// (<see cref="MermaidGraph"/>, <see cref="DotGraph"/>) and to validate dialogs (for example reachability).
/// </summary>
/// <param name="InitialState">The state a machine starts in when the definition knows it, otherwise null.</param>
/// <param name="States">Every configured or referenced state, in the order it was first mentioned.</param>
/// <param name="StateType">The CLR type of the states.</param>
/// <param name="TriggerType">The CLR type of the triggers.</param>
public sealed record StateMachineInfo(
    object? InitialState,
    IReadOnlyList<StateInfo> States,
    Type StateType,
    Type TriggerType)
{
    /// <summary>The description of <paramref name="state"/>, or null when the machine does not know it.</summary>
    public StateInfo? FindState(object state) => States.FirstOrDefault(s => Equals(s.UnderlyingState, state));

    /// <summary>
    /// The states reachable from <paramref name="start"/>, <paramref name="start"/> first, in breadth-first order.
    /// A state reaches the destinations of its own and its superstates' transitions and its initial substate.
    /// </summary>
    public IReadOnlyList<object> GetReachableStates(object start)
    {
        ArgumentNullException.ThrowIfNull(start);
        var seen = new List<object> { start };
        var queue = new Queue<object>(seen);
        while (queue.Count > 0)
        {
            foreach (var next in Successors(queue.Dequeue()))
            {
                if (!seen.Contains(next))
                {
                    seen.Add(next);
                    queue.Enqueue(next);
                }
            }
        }

        return seen;
    }

    private IEnumerable<object> Successors(object state)
    {
        var info = FindState(state);
        if (info?.InitialTransitionTarget is { } initial)
        {
            yield return initial;
        }

        for (; info is not null; info = info.Superstate is null ? null : FindState(info.Superstate))
        {
            foreach (var transition in info.Transitions)
            {
                yield return transition.Destination;
            }
        }
    }
}
