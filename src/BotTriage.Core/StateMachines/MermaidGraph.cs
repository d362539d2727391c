using System.Text;
using System.Text.RegularExpressions;

namespace BotTriage.Core.StateMachines;

/// <summary>
/// Writes a machine's graph as a Mermaid <c>stateDiagram-v2</c>: substates as composite states, the initial state
/// as <c>[*] --&gt;</c>, and edges labelled with the trigger and <c>[guard description]</c>. The output is the same
/// for the same machine. State names that are not plain identifiers get a generated id and keep their name as the
/// state's description; text is escaped with Mermaid entity codes.
/// </summary>
public static partial class MermaidGraph
{
    private const string Indent = "    ";

    private static readonly HashSet<string> Keywords = new(
        ["as", "class", "classDef", "click", "default", "direction", "end", "hide", "left", "note", "of", "right", "state", "style", "TB", "BT", "LR", "RL"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Formats <paramref name="info"/> (from <c>GetInfo()</c>) as Mermaid text with <c>\n</c> line ends.</summary>
    public static string Format(StateMachineInfo info)
    {
        var model = new GraphModel(info);
        var ids = AssignIds(info);
        var text = new StringBuilder("stateDiagram-v2\n");
        WriteBlock(text, model, ids, container: null, model.InitialState, model.Roots, depth: 1);
        return text.ToString();
    }

    private static void WriteBlock(
        StringBuilder text,
        GraphModel model,
        Dictionary<StateInfo, string> ids,
        StateInfo? container,
        StateInfo? initial,
        IReadOnlyList<StateInfo> states,
        int depth)
    {
        var indent = string.Concat(Enumerable.Repeat(Indent, depth));
        foreach (var state in states)
        {
            var id = ids[state];
            var name = GraphModel.Name(state.UnderlyingState);
            if (id != name)
            {
                text.Append(indent).Append("state \"").Append(Escape(name)).Append("\" as ").Append(id).Append('\n');
            }

            var children = model.Children(state);
            if (children.Count > 0)
            {
                text.Append(indent).Append("state ").Append(id).Append(" {\n");
                WriteBlock(text, model, ids, state, model.Find(state.InitialTransitionTarget), children, depth + 1);
                text.Append(indent).Append("}\n");
            }
            else if (id == name)
            {
                text.Append(indent).Append(id).Append('\n');
            }
        }

        // After the declarations, so that a nested initial state is already placed in its composite state.
        if (initial is not null)
        {
            text.Append(indent).Append("[*] --> ").Append(ids[initial]).Append('\n');
        }

        foreach (var edge in model.Edges.Where(e => e.Container == container))
        {
            text.Append(indent).Append(ids[edge.Source]).Append(" --> ").Append(ids[edge.Destination])
                .Append(" : ").Append(Escape(edge.Label)).Append('\n');
        }
    }

    /// <summary>
    /// Plain identifiers keep their name; the others get a sanitised, unique id. Names that are already valid ids are
    /// claimed first so a generated id never takes the name of a later state.
    /// </summary>
    private static Dictionary<StateInfo, string> AssignIds(StateMachineInfo info)
    {
        var ids = new Dictionary<StateInfo, string>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var state in info.States)
        {
            var name = GraphModel.Name(state.UnderlyingState);
            if (IsPlainId(name) && taken.Add(name))
            {
                ids[state] = name;
            }
        }

        foreach (var state in info.States.Where(s => !ids.ContainsKey(s)))
        {
            var baseId = Sanitise(GraphModel.Name(state.UnderlyingState));
            var id = baseId;
            for (var n = 2; !taken.Add(id); n++)
            {
                id = $"{baseId}_{n}";
            }

            ids[state] = id;
        }

        return ids;
    }

    private static bool IsPlainId(string name) => PlainId().IsMatch(name) && !Keywords.Contains(name);

    private static string Sanitise(string name)
    {
        var id = NotIdChar().Replace(name, "_");
        if (id.Length == 0 || char.IsAsciiDigit(id[0]))
        {
            id = "s_" + id;
        }

        return Keywords.Contains(id) ? id + "_" : id;
    }

    /// <summary>Replaces characters that end or confuse a Mermaid statement with entity codes, and line breaks with spaces.</summary>
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '"' => "#quot;",
                '#' => "#35;",
                ';' => "#59;",
                ':' => "#58;",
                '<' => "#lt;",
                '>' => "#gt;",
                '{' => "#123;",
                '}' => "#125;",
                '\r' or '\n' or '\t' => " ",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex PlainId();

    [GeneratedRegex("[^A-Za-z0-9_]")]
    private static partial Regex NotIdChar();
}
