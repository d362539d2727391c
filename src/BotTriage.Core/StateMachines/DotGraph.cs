using System.Text;

namespace BotTriage.Core.StateMachines;

/// <summary>
/// Writes a machine's graph in Graphviz DOT: a <c>digraph</c> with substates in <c>cluster_</c> subgraphs, the initial
/// state pointed at from a dot, and edges labelled with the trigger and <c>[guard description]</c>. The output is the
/// same for the same machine; names are quoted and escaped, so any state or trigger name yields valid DOT.
/// </summary>
public static class DotGraph
{
    private const string Indent = "    ";

    /// <summary>Formats <paramref name="info"/> (from <c>GetInfo()</c>) as DOT text with <c>\n</c> line ends.</summary>
    public static string Format(StateMachineInfo info)
    {
        var model = new GraphModel(info);
        var text = new StringBuilder("digraph {\n");
        text.Append(Indent).Append("rankdir=\"LR\";\n");
        text.Append(Indent).Append("node [shape=box, style=rounded];\n");
        foreach (var state in model.Roots)
        {
            WriteState(text, model, state, depth: 1);
        }

        foreach (var edge in model.Edges)
        {
            text.Append(Indent).Append(Quote(edge.Source)).Append(" -> ").Append(Quote(edge.Destination))
                .Append(" [label=").Append(Quote(edge.Label)).Append("];\n");
        }

        foreach (var state in info.States)
        {
            if (model.Find(state.InitialTransitionTarget) is { } target)
            {
                text.Append(Indent).Append(Quote(state)).Append(" -> ").Append(Quote(target)).Append(" [style=dashed];\n");
            }
        }

        if (model.InitialState is { } initial)
        {
            var point = "__initial";
            while (info.States.Any(s => GraphModel.Name(s.UnderlyingState) == point))
            {
                point += "_";
            }

            text.Append(Indent).Append(Quote(point)).Append(" [label=\"\", shape=point];\n");
            text.Append(Indent).Append(Quote(point)).Append(" -> ").Append(Quote(initial)).Append(";\n");
        }

        return text.Append("}\n").ToString();
    }

    private static void WriteState(StringBuilder text, GraphModel model, StateInfo state, int depth)
    {
        var indent = string.Concat(Enumerable.Repeat(Indent, depth));
        var children = model.Children(state);
        if (children.Count == 0)
        {
            text.Append(indent).Append(Quote(state)).Append(";\n");
            return;
        }

        // A cluster cannot be an edge end, so the superstate also appears as a node inside its own cluster.
        var name = GraphModel.Name(state.UnderlyingState);
        text.Append(indent).Append("subgraph ").Append(Quote("cluster_" + name)).Append(" {\n");
        text.Append(indent).Append(Indent).Append("label=").Append(Quote(name)).Append(";\n");
        text.Append(indent).Append(Indent).Append(Quote(state)).Append(";\n");
        foreach (var child in children)
        {
            WriteState(text, model, child, depth + 1);
        }

        text.Append(indent).Append("}\n");
    }

    private static string Quote(StateInfo state) => Quote(GraphModel.Name(state.UnderlyingState));

    /// <summary>A DOT quoted string: backslashes and quotes escaped, line breaks as the <c>\n</c> label escape.</summary>
    private static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\r\n", "\\n", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal)
            .Replace("\r", "\\n", StringComparison.Ordinal) + "\"";
}
