using System.Text;
using BotTriage.Core.Dialogs;
using BotTriage.Core.Triage;

namespace BotTriage.Web.Therapists;

/// <summary>
/// The path a session took through the flow, drawn from the state machine's graph: every state of the flow in order
/// with its transitions, the states the person passed highlighted, the transitions taken in bold, and the steps
/// that are not part of the flow (an emergency, a stop) named at the end.
/// </summary>
internal static class FlowPath
{
    public static IReadOnlyList<string> Steps(TriageState state)
    {
        var steps = new List<string>();
        foreach (var step in state.History.Append(state.Step))
        {
            if (steps.Count == 0 || steps[^1] != step)
            {
                steps.Add(step);
            }
        }

        return steps;
    }

    public static string Render(DialogSet dialogs, TriageState state)
    {
        var info = new FlowNavigator(dialogs.Flow).Info;
        var steps = Steps(state);
        var taken = new HashSet<(string, string)>(steps.Zip(steps.Skip(1)));
        var html = new StringBuilder("<ol class=\"path\">");
        foreach (var node in info.States)
        {
            var id = GraphName(node.UnderlyingState);
            var css = id == state.Step ? "taken current" : steps.Contains(id) ? "taken" : "skipped";
            html.Append("<li class=\"").Append(css).Append("\">").Append(Html.E(id));
            if (dialogs.Flow.TryGet(id, out var dialogState))
            {
                html.Append(" — ").Append(Html.E(dialogState.Question.Get(state.Culture)));
            }

            if (node.Transitions.Count > 0)
            {
                html.Append("<ul>");
                foreach (var transition in node.Transitions)
                {
                    var to = GraphName(transition.Destination);
                    var label = GraphName(transition.Trigger) + (transition.GuardDescription is { } guard ? $" [{guard}]" : "");
                    var text = $"→ {to} ({label})";
                    html.Append("<li>").Append(taken.Contains((id, to)) ? $"<strong>{Html.E(text)}</strong>" : Html.E(text)).Append("</li>");
                }

                html.Append("</ul>");
            }

            html.Append("</li>");
        }

        html.Append("</ol>");
        var outside = steps.Where(s => info.FindState(s) is null).ToList();
        if (outside.Count > 0)
        {
            html.Append("<p>").Append(Html.T("Stappen buiten de flow:", "Steps outside the flow:")).Append(' ')
                .Append(Html.E(string.Join(" → ", outside))).Append("</p>");
        }

        return html.ToString();
    }

    private static string GraphName(object value) => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
}
