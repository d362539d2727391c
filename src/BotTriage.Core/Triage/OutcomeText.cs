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

        if (TellGp(outcome, culture, texts) is { } tellGp)
        {
            text.AppendLine(tellGp);
        }

        text.Append(texts.Get("outcome.disclaimer", culture));
        return text.ToString();
    }

    /// <summary>
    /// "Vertel de huisarts wat je noemde: …" with every sign by name when the result sends to the GP, else null: the
    /// reasons of a less urgent tier are left out, so without this line a sign could go unmentioned.
    /// </summary>
    public static string? TellGp(TriageOutcome outcome, string culture, TextCatalog texts)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(texts);
        if (outcome.RedFlags.Count == 0 || !outcome.Routes.Contains("gp"))
        {
            return null;
        }

        var names = outcome.RedFlags.Select(code => texts.GetOr(TextCatalog.RedFlagNameKey(code), culture, code)).ToList();
        return texts.Get("outcome.tell-gp", culture).Format(culture, texts.List(names, culture));
    }

    /// <summary>
    /// The text key of the result's first line: its urgency, or with none, whether to check with a doctor (with a
    /// pregnancy, the midwife) first, or that the psychologist is reached through the GP.
    /// </summary>
    public static string UrgencyKey(TriageOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return (outcome.Urgency, outcome.DoctorFirst) switch
        {
            ("none", true) when outcome.Contraindications.Contains("pregnancy") => "outcome.urgency.none.doctor-first.pregnancy",
            ("none", true) => "outcome.urgency.none.doctor-first",
            ("none", false) when outcome.Routes.Contains("psychologist") => "outcome.urgency.none.psychologist",
            _ => "outcome.urgency." + outcome.Urgency,
        };
    }
}
