using System.Text;
using BotTriage.Core.Dialogs;

namespace BotTriage.Core.Triage;

/// <summary>The result as a short plain-text message: urgency, where to go, the massage that fits, and why.</summary>
public static class OutcomeText
{
    public static string Format(TriageOutcome outcome, string culture, TextCatalog texts)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(texts);
        var text = new StringBuilder();
        text.AppendLine(texts.Get("outcome.intro", culture));
        text.AppendLine(texts.Get(UrgencyKey(outcome), culture));
        text.AppendLine(texts.Get("outcome.routes", culture).Format(culture, string.Join(", ", outcome.Routes.Select(r => texts.Get("route." + r, culture)))));
        if (outcome.MassageTypes.Count > 0)
        {
            text.AppendLine(texts.Get("outcome.massage", culture).Format(culture, string.Join(", ", outcome.MassageTypes.Select(m => texts.Get(TextCatalog.MassageKey(m), culture)))));
        }

        if (outcome.Reasons.Count > 0)
        {
            text.AppendLine(texts.Get("outcome.reasons", culture));
            foreach (var reason in outcome.Reasons)
            {
                text.Append("- ").Append(reason.Text);
                if (reason.Evidence.Count > 0)
                {
                    text.Append(" (\"").AppendJoin("\", \"", reason.Evidence).Append("\")");
                }

                text.AppendLine();
            }
        }

        // Every sign by name, whichever rule's reason is shown: the reasons of a less urgent tier are left out.
        if (outcome.RedFlags.Count > 0 && outcome.Routes.Contains("gp"))
        {
            var names = outcome.RedFlags.Select(code => texts.Get(TextCatalog.RedFlagNameKey(code), culture)).ToList();
            text.AppendLine(texts.Get("outcome.tell-gp", culture).Format(culture, texts.List(names, culture)));
        }

        text.Append(texts.Get("outcome.disclaimer", culture));
        return text.ToString();
    }

    /// <summary>The text key of the result's first line: its urgency, or with none, whether to check with a doctor first.</summary>
    public static string UrgencyKey(TriageOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Urgency == "none" && outcome.DoctorFirst ? "outcome.urgency.none.doctor-first" : "outcome.urgency." + outcome.Urgency;
    }
}
