using System.Globalization;

namespace BotTriage.Core.StateMachines;

/// <summary>
/// What <see cref="MermaidGraph"/> and <see cref="DotGraph"/> both need from a <see cref="StateMachineInfo"/>:
/// state names, the nesting of substates and the edges with their labels, all in configuration order so the
/// text is the same for the same machine.
/// </summary>
internal sealed class GraphModel
{
    private readonly Dictionary<StateInfo, List<StateInfo>> _children = [];

    public GraphModel(StateMachineInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        Info = info;
        foreach (var state in info.States)
        {
            _children[state] = [.. state.Substates.Select(s => info.FindState(s)).OfType<StateInfo>()];
        }

        Roots = [.. info.States.Where(s => s.Superstate is null || info.FindState(s.Superstate) is null)];
        Edges = [.. info.States.SelectMany(s => s.Transitions.Select(t => new GraphEdge(s, info.FindState(t.Destination) ?? s, Label(t), Placement(s, info.FindState(t.Destination) ?? s))))];
    }

    public StateMachineInfo Info { get; }

    public IReadOnlyList<StateInfo> Roots { get; }

    public IReadOnlyList<GraphEdge> Edges { get; }

    public StateInfo? InitialState => Info.InitialState is null ? null : Info.FindState(Info.InitialState);

    public static string Name(object value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;

    public IReadOnlyList<StateInfo> Children(StateInfo state) => _children[state];

    public StateInfo? Find(object? state) => state is null ? null : Info.FindState(state);

    private static string Label(TransitionInfo transition)
    {
        var label = Name(transition.Trigger);
        if (transition.GuardDescription is { } guard)
        {
            label += $" [{guard}]";
        }

        return transition.Kind == TransitionKind.Internal ? label + " (internal)" : label;
    }

    /// <summary>
    /// The innermost state that strictly contains both ends, or null for the top level: an edge is written inside
    /// that composite state so that diagram tools keep both ends where they belong.
    /// </summary>
    private StateInfo? Placement(StateInfo source, StateInfo destination)
    {
        var sourceAncestors = Ancestors(source).ToList();
        return Ancestors(destination).FirstOrDefault(sourceAncestors.Contains);
    }

    private IEnumerable<StateInfo> Ancestors(StateInfo state)
    {
        for (var s = Find(state.Superstate); s is not null; s = Find(s.Superstate))
        {
            yield return s;
        }
    }
}
